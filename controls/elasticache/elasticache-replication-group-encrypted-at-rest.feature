# controlbot: request-sha256=dd87f056bdf921e6b144d4dbe4ad9ae4e1c98d5df50a9ef0a41b56382834b948 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elasticache-replication-group-encrypted-at-rest @service:elasticache @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:ElastiCache.4 @maps:NIST-800-53:SC-28
Feature: ElastiCache replication groups encrypt their data at rest
  At-rest encryption must be enabled on every replication group, covering data on disk during sync and backup operations and the snapshots stored in Amazon S3.

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: at-rest encryption is enabled
    Then "AtRestEncryptionEnabled" must be true
