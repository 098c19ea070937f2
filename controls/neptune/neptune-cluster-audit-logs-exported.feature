# controlbot: request-sha256=9a894e6fd99bbbafaa0c7b430ebb0deae5be08599f23a14c55c90b3bd86013d0 provider=offline model=- prompt=bcd93ad4 review=edited
@control:neptune-cluster-audit-logs-exported @service:neptune @severity:medium @category:logging @maps:AWS-FSBP:Neptune.2 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Neptune DB clusters publish audit logs to CloudWatch Logs
  Every Neptune DB cluster must export its audit log to CloudWatch Logs.

  Background:
    Given the resources listed by "neptune.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the audit log is exported to CloudWatch Logs
    When only resources where "Engine" is "neptune"
    Then "EnabledCloudwatchLogsExports" must contain "audit"
