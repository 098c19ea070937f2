# controlbot: request-sha256=79a18eace86a69e63ec8b6d293798bd82b86f7d58e850c7704915ac8f649697f provider=offline model=- prompt=bcd93ad4 review=accepted
@control:rds-instance-auto-minor-version-upgrade @service:rds @severity:medium @category:patching-runtime @maps:AWS-FSBP:RDS.13 @maps:NIST-800-53:SI-2
Feature: RDS DB instances take minor engine upgrades automatically
  Every database instance must have automatic minor version upgrade turned on, so that engine patches are applied during its maintenance window.

  Background:
    Given the resources listed by "rds.DescribeDBInstances" at "DBInstances" identified by "DBInstanceIdentifier"

  Scenario: automatic minor version upgrade is on
    Then "AutoMinorVersionUpgrade" must be true
