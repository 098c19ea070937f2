# controlbot: request-sha256=8776d4b41154e2409496e519b1222210c29614fc53fe9c0f4e4bd30e908e2ddc provider=offline model=- prompt=bcd93ad4 review=edited
@control:sso-admin-instance-customer-managed-key @service:sso-admin @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: IAM Identity Center encrypts its data with a customer managed KMS key
  Every IAM Identity Center instance must encrypt its workforce identity data at rest with a customer managed KMS key rather than an AWS owned key, and that encryption must be in effect.

  Background:
    Given the resources listed by "sso-admin.ListInstances" at "Instances" identified by "InstanceArn"
    And each resource is enriched by "sso-admin.DescribeInstance" with "InstanceArn" from "InstanceArn"

  Scenario: a customer managed key encrypts the instance
    Then "DescribeInstance.EncryptionConfigurationDetails.KeyType" must be "CUSTOMER_MANAGED_KEY"
    And "DescribeInstance.EncryptionConfigurationDetails.EncryptionStatus" must be "ENABLED"
