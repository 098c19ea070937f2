# controlbot: request-sha256=6267149bbb14e413c2550c12f8e78827fd48108c72afb7c24ab050e31c474914 provider=offline model=- prompt=bcd93ad4 review=edited
@control:docdb-cluster-audit-logs-exported @service:docdb @severity:medium @category:logging @maps:AWS-FSBP:DocumentDB.4 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: DocumentDB clusters publish audit logs to CloudWatch Logs
  Every Amazon DocumentDB cluster must export its audit log to CloudWatch Logs.

  Background:
    Given the resources listed by "docdb.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the audit log is exported to CloudWatch Logs
    When only resources where "Engine" is "docdb"
    Then "EnabledCloudwatchLogsExports" must contain "audit"
