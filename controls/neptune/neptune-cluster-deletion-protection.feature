# controlbot: request-sha256=666668e134b03946cd328e60e150511f8253de861c99ab6909a70d6a95427c69 provider=offline model=- prompt=bcd93ad4 review=edited
@control:neptune-cluster-deletion-protection @service:neptune @severity:medium @category:deletion-protection @maps:AWS-FSBP:Neptune.4 @maps:NIST-800-53:CP-9
Feature: Neptune DB clusters are protected against accidental deletion
  Every Neptune DB cluster must have deletion protection enabled.

  Background:
    Given the resources listed by "neptune.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: deletion protection is on
    When only resources where "Engine" is "neptune"
    Then "DeletionProtection" must be true
