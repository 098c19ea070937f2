# controlbot: request-sha256=4098e5ef4631934f176809f845560bbedc1d91e3530a6578bc026b3be0d6b5e7 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ecr-repository-kms-encrypted @service:ecr @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: ECR repositories encrypt images with AWS KMS keys
  Every private repository must encrypt its images at rest with AWS KMS (KMS or dual-layer KMS_DSSE), not with the default S3-managed AES256 encryption.

  Background:
    Given the resources listed by "ecr.DescribeRepositories" at "repositories" identified by "repositoryArn"

  Scenario: images are encrypted with KMS
    Then "encryptionConfiguration.encryptionType" must be one of ["KMS", "KMS_DSSE"]
