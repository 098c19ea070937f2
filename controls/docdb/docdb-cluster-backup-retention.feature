# controlbot: request-sha256=4239358d1f89e84356edf345fabcdd5f4ac172a2b33442b35ea2e25b8215549d provider=offline model=- prompt=bcd93ad4 review=edited
@control:docdb-cluster-backup-retention @service:docdb @severity:medium @category:backup-recovery @maps:AWS-FSBP:DocumentDB.2 @maps:NIST-800-53:CP-9
Feature: DocumentDB clusters keep automated backups for at least seven days
  Every Amazon DocumentDB cluster must keep its automated backups for a retention period of at least 7 days.

  Background:
    Given the resources listed by "docdb.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: automated backups are kept for at least seven days
    When only resources where "Engine" is "docdb"
    Then "BackupRetentionPeriod" must be at least 7
