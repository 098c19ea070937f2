# controlbot: request-sha256=94f19f83f3fb930803ed44ccc1c862505a286d8abb35ce2a8b764510cf71ee76 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:rds-instance-multi-az @service:rds @severity:medium @category:backup-recovery @maps:AWS-FSBP:RDS.5 @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-36
Feature: RDS DB instances run as Multi-AZ deployments
  Every database instance must be deployed across multiple Availability Zones, with a standby that takes over automatically when the primary zone fails.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: the instance has a standby in another Availability Zone
    When only resources where "DBClusterIdentifier" is absent
    Then "MultiAZ" must be true
