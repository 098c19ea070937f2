# controlbot: request-sha256=6356c55130ea369c42804d4cda80814d17f577e01392459779bc30d0de766700 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:s3-bucket-default-encryption-kms @service:s3 @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:S3.17 @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: S3 buckets encrypt new objects by default with an AWS KMS key
  Every bucket's default encryption must use AWS KMS (SSE-KMS or dual-layer DSSE-KMS); SSE-S3 with Amazon S3 managed keys alone does not meet this requirement.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketEncryption" with "Bucket" from "Name"
    And the error "ServerSideEncryptionConfigurationNotFoundError" from "s3.GetBucketEncryption" means absent

  Scenario: every default encryption rule uses AWS KMS
    Then "GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" must be one of ["aws:kms", "aws:kms:dsse"]
