# controlbot: request-sha256=04e5e0f635955759c9efbb57c2735f8323074743aba332cb503ccae6f7adb028 provider=offline model=- prompt=bcd93ad4 review=edited
@control:neptune-cluster-iam-authentication @service:neptune @severity:medium @category:authentication @maps:AWS-FSBP:Neptune.7 @maps:NIST-800-53:IA-2
Feature: Neptune DB clusters require IAM database authentication
  Every Neptune DB cluster must have IAM database authentication enabled, so that requests are signed with IAM credentials.

  Background:
    Given the resources listed by "neptune.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: IAM database authentication is enabled
    When only resources where "Engine" is "neptune"
    Then "IAMDatabaseAuthenticationEnabled" must be true
