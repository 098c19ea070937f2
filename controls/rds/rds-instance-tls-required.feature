# controlbot: request-sha256=4e0774f37d98750c42ef78608b3f8747cb1f7690fa2af8c8983e7a722ff93c99 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:rds-instance-tls-required @service:rds @severity:high @category:encryption-in-transit @maps:NIST-800-53:SC-8
Feature: RDS PostgreSQL, MySQL and MariaDB instances refuse unencrypted connections
  Every PostgreSQL, MySQL or MariaDB database instance must require TLS for client connections through its DB parameter group: rds.force_ssl set to 1 for PostgreSQL, require_secure_transport set to ON (or 1) for MySQL and MariaDB.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"
    And each resource is enriched by "rds.DescribeDBParameters" with "DBParameterGroupName" from "DBParameterGroups[0].DBParameterGroupName"

  Scenario: PostgreSQL instances force SSL
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is "postgres"
    Then "DescribeDBParameters.Parameters[?ParameterName=='rds.force_ssl'].ParameterValue | [0]" must be "1"

  Scenario: MySQL and MariaDB instances require secure transport
    When only resources where "DBClusterIdentifier" is absent
    And only resources where "Engine" is one of ["mysql", "mariadb"]
    Then "DescribeDBParameters.Parameters[?ParameterName=='require_secure_transport'].ParameterValue | [0]" must be one of ["ON", "1"]
