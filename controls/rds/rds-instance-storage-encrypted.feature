# controlbot: request-sha256=b4b9679068ae39143324e90463a1f4b8fd430c53cd184e573c0960d5c230d9f9 provider=human model=- prompt=-
@control:rds-instance-storage-encrypted @service:rds @severity:high @category:encryption-at-rest
@maps:NIST-800-53:SC-28 @maps:CIS-AWS-3.0:2.3.1
Feature: RDS database instances keep their storage encrypted
  Every DB instance must have encrypted storage, which also covers its backups, replicas and snapshots.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: the instance storage is encrypted
    Then "StorageEncrypted" must be true
