# controlbot: request-sha256=6abe1eecee735eeecb0790b0bf76c576ed5c7bb3ba4a930c7562770310f23875 provider=offline model=- prompt=bcd93ad4 review=edited
@control:neptune-cluster-backup-retention @service:neptune @severity:medium @category:backup-recovery @maps:AWS-FSBP:Neptune.5 @maps:NIST-800-53:CP-9
Feature: Neptune DB clusters keep automated backups for at least seven days
  Every Neptune DB cluster must keep its automated backups for a retention period of at least 7 days.

  Background:
    Given the resources listed by "neptune.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: automated backups are kept for at least seven days
    When only resources where "Engine" is "neptune"
    Then "BackupRetentionPeriod" must be at least 7
