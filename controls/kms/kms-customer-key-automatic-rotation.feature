# controlbot: request-sha256=0f5b8b37bcf8488c7594fd8f5810da5a553ecd168e09f3c95469f9e3b1e86d92 provider=human model=- prompt=-
@control:kms-customer-key-automatic-rotation @service:kms @severity:medium @category:key-rotation
@maps:CIS-AWS-3.0:3.6 @maps:NIST-800-53:SC-12
Feature: Customer managed KMS keys rotate their key material at least yearly
  Enabled symmetric customer managed keys with KMS-generated material must rotate automatically, at least once a year.

  Background:
    Given the resources listed by "kms.ListKeys" at "Keys" identified by "KeyId"
    And each resource is enriched by "kms.DescribeKey" with "KeyId" from "KeyId"
    And each resource is enriched by "kms.GetKeyRotationStatus" with "KeyId" from "KeyId"
    And the error "UnsupportedOperationException" from "kms.GetKeyRotationStatus" means absent

  Scenario: automatic rotation is turned on
    When only resources where "DescribeKey.KeyMetadata.KeyManager" is "CUSTOMER"
    And only resources where "DescribeKey.KeyMetadata.KeySpec" is "SYMMETRIC_DEFAULT"
    And only resources where "DescribeKey.KeyMetadata.Origin" is "AWS_KMS"
    And only resources where "DescribeKey.KeyMetadata.KeyState" is "Enabled"
    Then "GetKeyRotationStatus.KeyRotationEnabled" must be true

  Scenario: the rotation period is at most one year
    When only resources where "DescribeKey.KeyMetadata.KeyManager" is "CUSTOMER"
    And only resources where "GetKeyRotationStatus.KeyRotationEnabled" is true
    Then "GetKeyRotationStatus.RotationPeriodInDays" must be at most 365
