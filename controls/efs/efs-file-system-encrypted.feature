# controlbot: request-sha256=17454247d37a05a9cf4c3f1545eae45b91e74c58e713bca9b580a8cd3b991472 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:efs-file-system-encrypted @service:efs @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:EFS.1 @maps:CIS-AWS-3.0:2.4.1 @maps:NIST-800-53:SC-28
Feature: EFS file systems encrypt file data at rest with AWS KMS
  Every file system must be encrypted at rest with an AWS KMS key.

  Background:
    Given the resources listed by "efs.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"

  Scenario: the file system is encrypted with a KMS key
    Then "KmsKeyId" must be present
    And "Encrypted" must be true
