# controlbot: request-sha256=02299bf3bc62660cc5c0a82bed0242fa4a2bb8935a42e76260456d63572f3459 provider=offline model=- prompt=bcd93ad4 review=edited
@control:elasticache-replication-group-kms-cmk @service:elasticache @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: ElastiCache replication groups encrypt at rest with a KMS key of the customer
  Every replication group must be encrypted at rest with a customer managed AWS KMS key rather than the default service key.

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: a customer managed KMS key encrypts the data at rest
    Then "AtRestEncryptionEnabled" must be true
    And "KmsKeyId" must be present
