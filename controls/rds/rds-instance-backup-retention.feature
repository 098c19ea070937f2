# controlbot: request-sha256=e046faf0e996abe437a91d4ea67df1f3eca4cdbd65838b72e7c41e5f9e3999a1 provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-instance-backup-retention @service:rds @severity:medium @category:backup-recovery @maps:AWS-FSBP:RDS.11 @maps:NIST-800-53:CP-9
Feature: RDS DB instances keep automated backups for at least seven days
  Every database instance must have automated backups turned on with a backup retention period of at least 7 days.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: automated backups are kept for at least seven days
    When only resources where "DBClusterIdentifier" is absent
    Then "BackupRetentionPeriod" must be at least 7
