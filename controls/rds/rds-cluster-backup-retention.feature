# controlbot: request-sha256=4123e3a28c571d4aa52cb44497ba29e1e4fe1197a8a0c15c3b861ea2efb873ec provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-cluster-backup-retention @service:rds @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9
Feature: Aurora and Multi-AZ DB clusters keep automated backups for at least seven days
  Every Aurora or Multi-AZ DB cluster must keep its automated backups for a retention period of at least 7 days.

  Background:
    Given the resources listed by "rds.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: automated backups are kept for at least seven days
    When only resources where "Engine" is one of ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"]
    Then "BackupRetentionPeriod" must be at least 7
