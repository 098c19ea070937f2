# controlbot: request-sha256=bf64e374d06da9ae258046213b4b3524be3a4c00c3ead4e5ea8227e096038a4f provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elasticache-replication-group-automatic-backups @service:elasticache @severity:high @category:backup-recovery @maps:AWS-FSBP:ElastiCache.1 @maps:NIST-800-53:CP-9
Feature: ElastiCache replication groups keep automatic snapshots
  Automatic backups must be on for every replication group: the snapshot retention limit must be at least 1 day (0 turns automatic snapshots off).

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: automatic snapshots are kept for at least a day
    Then "SnapshotRetentionLimit" must be at least 1
