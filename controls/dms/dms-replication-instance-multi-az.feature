# controlbot: request-sha256=59362bd3609b2d51ab4c9b9ee36210f80169dac84996eb173f47c8d2befcef90 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:dms-replication-instance-multi-az @service:dms @severity:low @category:backup-recovery @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-36
Feature: DMS replication instances run in a Multi-AZ deployment
  Every replication instance must be deployed Multi-AZ, with a standby replica in a second Availability Zone to take over on failure.

  Background:
    Given the resources listed by "dms.DescribeReplicationInstances" at "ReplicationInstances" identified by "ReplicationInstanceIdentifier"

  Scenario: the replication instance is Multi-AZ
    Then "MultiAZ" must be true
