# controlbot: request-sha256=2c95a37c5d8f042f0552e2401e643e5aa18253e2adf09a243f71aa1743efba46 provider=offline model=- prompt=bcd93ad4 review=edited
@control:kms-key-not-pending-deletion @service:kms @severity:high @category:deletion-protection @maps:AWS-FSBP:KMS.3 @maps:NIST-800-53:SC-12
Feature: Customer managed KMS keys are not scheduled for deletion
  No customer managed KMS key may be in the PendingDeletion or PendingReplicaDeletion state.

  Background:
    Given the resources listed by "kms.ListKeys" at "Keys" identified by "KeyId"
    And each resource is enriched by "kms.DescribeKey" with "KeyId" from "KeyId"

  Scenario: the key is not scheduled for deletion
    When only resources where "DescribeKey.KeyMetadata.KeyManager" is "CUSTOMER"
    Then "DescribeKey.KeyMetadata.KeyState" must not be one of ["PendingDeletion", "PendingReplicaDeletion"]
