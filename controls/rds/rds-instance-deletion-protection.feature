# controlbot: request-sha256=01679753dc257671024a8a6cff812146e972ccaf30101e74380cc891a9b3d43a provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-instance-deletion-protection @service:rds @severity:medium @category:deletion-protection @maps:AWS-FSBP:RDS.8 @maps:NIST-800-53:CP-9
Feature: RDS DB instances are protected against accidental deletion
  Every database instance must have deletion protection enabled so that it cannot be deleted until someone deliberately turns the protection off.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: deletion protection is on
    When only resources where "DBClusterIdentifier" is absent
    Then "DeletionProtection" must be true
