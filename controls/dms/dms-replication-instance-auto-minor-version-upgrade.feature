# controlbot: request-sha256=ea732c1591fa14d28a02d75aa3d28618b30a1ec2693075f22a78efc1cabf9d20 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:dms-replication-instance-auto-minor-version-upgrade @service:dms @severity:medium @category:patching-runtime @maps:AWS-FSBP:DMS.6 @maps:NIST-800-53:SI-2
Feature: DMS replication instances apply minor engine upgrades automatically
  Every replication instance must have automatic minor version upgrades enabled, so that engine fixes, including security fixes, are applied in its maintenance window.

  Background:
    Given the resources listed by "dms.DescribeReplicationInstances" at "ReplicationInstances" identified by "ReplicationInstanceIdentifier"

  Scenario: automatic minor version upgrades are enabled
    Then "AutoMinorVersionUpgrade" must be true
