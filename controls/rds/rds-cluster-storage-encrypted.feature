# controlbot: request-sha256=2def80e875037ab89ac0c7d67eadc3db68a0ffa9cd57639f3b852ac4d8709cf9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-cluster-storage-encrypted @service:rds @severity:high @category:encryption-at-rest @maps:AWS-FSBP:RDS.27 @maps:NIST-800-53:SC-28
Feature: RDS and Aurora DB clusters encrypt their storage
  Every DB cluster must encrypt its storage at rest, which also covers its automated backups and snapshots.

  Background:
    Given the resources listed by "rds.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the cluster storage is encrypted
    Then "StorageEncrypted" must be true
