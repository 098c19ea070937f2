# controlbot: request-sha256=dd46733e76cd0184ee652115f17b70aa35616cb7b033ca96069d7e37f80f1746 provider=offline model=- prompt=bcd93ad4 review=edited
@control:docdb-cluster-storage-encrypted @service:docdb @severity:high @category:encryption-at-rest @maps:AWS-FSBP:DocumentDB.1 @maps:NIST-800-53:SC-28
Feature: DocumentDB clusters encrypt their storage
  Every Amazon DocumentDB cluster must encrypt its storage at rest.

  Background:
    Given the resources listed by "docdb.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the cluster storage is encrypted
    When only resources where "Engine" is "docdb"
    Then "StorageEncrypted" must be true
