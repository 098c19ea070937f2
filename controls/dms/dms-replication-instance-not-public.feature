# controlbot: request-sha256=4850987ad9dbeefb78cc8f0358a3836c60777ca8c8fabf2b28690e476d2296bc provider=offline model=- prompt=bcd93ad4 review=edited
@control:dms-replication-instance-not-public @service:dms @severity:critical @category:public-access @maps:AWS-FSBP:DMS.1 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: DMS replication instances are not publicly accessible
  No replication instance may be publicly accessible; it must only have a private IP address inside its VPC.

  Background:
    Given the resources listed by "dms.DescribeReplicationInstances" at "ReplicationInstances" identified by "ReplicationInstanceIdentifier"

  Scenario: the replication instance is private
    Then "PubliclyAccessible" must be false
