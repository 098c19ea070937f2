# controlbot: request-sha256=b9383b481af7b996162ea33c14601016fbbd28ab31dd91e4c3dd59cfbbd181fc provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-instance-not-publicly-accessible @service:rds @severity:critical @category:public-access @maps:AWS-FSBP:RDS.2 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: RDS DB instances are not reachable from the public internet
  No database instance may be publicly accessible: its endpoint must resolve only to private addresses inside its VPC.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: the instance is not publicly accessible
    Then "PubliclyAccessible" must be false
