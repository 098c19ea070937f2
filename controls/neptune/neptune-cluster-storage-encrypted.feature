# controlbot: request-sha256=03bdfd121822d782a230ac409e4de52a4774057b127e3d03f16a984b0e2d9c93 provider=offline model=- prompt=bcd93ad4 review=edited
@control:neptune-cluster-storage-encrypted @service:neptune @severity:high @category:encryption-at-rest @maps:AWS-FSBP:Neptune.1 @maps:NIST-800-53:SC-28
Feature: Neptune DB clusters encrypt their storage
  Every Neptune DB cluster must encrypt its storage at rest.

  Background:
    Given the resources listed by "neptune.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the cluster storage is encrypted
    When only resources where "Engine" is "neptune"
    Then "StorageEncrypted" must be true
