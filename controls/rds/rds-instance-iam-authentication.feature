# controlbot: request-sha256=b49192eccdf14c7f458d7350d66a62d6ba720ad32b073ccdbc9e5b4b9ee3cb51 provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-instance-iam-authentication @service:rds @severity:medium @category:authentication @maps:AWS-FSBP:RDS.10 @maps:NIST-800-53:IA-2
Feature: RDS MySQL, MariaDB and PostgreSQL instances accept IAM database authentication
  Every MySQL, MariaDB or PostgreSQL database instance must have IAM database authentication enabled, so that users can sign in with short-lived IAM tokens instead of long-lived database passwords.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: IAM database authentication is enabled
    When only resources where "Engine" is one of ["mysql", "mariadb", "postgres"]
    And only resources where "DBClusterIdentifier" is absent
    Then "IAMDatabaseAuthenticationEnabled" must be true
