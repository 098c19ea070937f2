# controlbot: request-sha256=2bd18025bc960d667a5bdee69f1fd5eba02657e9b02af019b62682ad44b977c7 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:rds-instance-logs-exported-to-cloudwatch @service:rds @severity:medium @category:logging @maps:AWS-FSBP:RDS.9 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: RDS DB instances export their database logs to CloudWatch Logs
  Every database instance must publish its engine's security-relevant logs to CloudWatch Logs: PostgreSQL the postgresql log; MySQL and MariaDB the audit, error and slow query logs; SQL Server the error log; Oracle the alert and audit logs.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: PostgreSQL instances export the postgresql log
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is "postgres"
    Then "EnabledCloudwatchLogsExports" must contain "postgresql"

  Scenario: MySQL and MariaDB instances export the audit, error and slow query logs
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is one of ["mysql", "mariadb"]
    Then "EnabledCloudwatchLogsExports" must contain "audit"
    And "EnabledCloudwatchLogsExports" must contain "error"
    And "EnabledCloudwatchLogsExports" must contain "slowquery"

  Scenario: SQL Server instances export the error log
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is one of ["sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web"]
    Then "EnabledCloudwatchLogsExports" must contain "error"

  Scenario: Oracle instances export the alert and audit logs
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is one of ["oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb"]
    Then "EnabledCloudwatchLogsExports" must contain "alert"
    And "EnabledCloudwatchLogsExports" must contain "audit"
