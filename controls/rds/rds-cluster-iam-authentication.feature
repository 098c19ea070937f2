# controlbot: request-sha256=9346e581fb14008e7a15b14081ad53f6a293fe1dfeb31ddc43b8e88d225aec73 provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-cluster-iam-authentication @service:rds @severity:medium @category:authentication @maps:AWS-FSBP:RDS.12 @maps:NIST-800-53:IA-2
Feature: Aurora and Multi-AZ DB clusters accept IAM database authentication
  Every Aurora MySQL, Aurora PostgreSQL, MySQL or PostgreSQL DB cluster must have IAM database authentication enabled.

  Background:
    Given the resources listed by "rds.DescribeDBClusters" at "DBClusters" identified by "DBClusterIdentifier"

  Scenario: IAM database authentication is enabled
    When only resources where "Engine" is one of ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"]
    Then "IAMDatabaseAuthenticationEnabled" must be true
