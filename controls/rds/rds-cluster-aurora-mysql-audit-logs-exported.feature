# controlbot: request-sha256=47e4878ee789916bc107e13b09580c6fb13b7aa743bc4eb6248d8d61a52166c7 provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-cluster-aurora-mysql-audit-logs-exported @service:rds @severity:medium @category:logging @maps:AWS-FSBP:RDS.34 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Aurora MySQL DB clusters publish audit logs to CloudWatch Logs
  Every Aurora MySQL DB cluster must export its audit log to CloudWatch Logs.

  Background:
    Given the resources listed by "rds.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: the audit log is exported to CloudWatch Logs
    When only resources where "Engine" is "aurora-mysql"
    Then "EnabledCloudwatchLogsExports" must contain "audit"
