# controlbot: request-sha256=f4e5365e12b083cd6a395ba3e688384bbeb161bc6ed9cd65d1a176ecd492d609 provider=human model=- prompt=-
@control:rds-cluster-deletion-protection @service:rds @severity:medium @category:deletion-protection
@maps:NIST-800-53:CP-9
Feature: RDS and Aurora DB clusters cannot be deleted without first lifting protection
  Every DB cluster must have deletion protection turned on.

  Background:
    Given the resources listed by "rds.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: deletion protection is on
    Then "DeletionProtection" must be true
