# controlbot: request-sha256=9ecebe41967d50cf741ae2dbb775eb1cb4ad80862005ca4785ba26353645a61a provider=offline model=- prompt=bcd93ad4 review=edited
@control:docdb-cluster-deletion-protection @service:docdb @severity:medium @category:deletion-protection @maps:AWS-FSBP:DocumentDB.5 @maps:NIST-800-53:CP-9
Feature: DocumentDB clusters are protected against accidental deletion
  Every Amazon DocumentDB cluster must have deletion protection enabled.

  Background:
    Given the resources listed by "docdb.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: deletion protection is on
    When only resources where "Engine" is "docdb"
    Then "DeletionProtection" must be true
