# controlbot: request-sha256=6834141c4a817c3b2dcd8614ad3545d4eb1070c49014b6d6c2d8c9601393d8b9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:efs-file-system-replication @service:efs @severity:low @category:versioning @maps:NIST-800-53:CP-9 @maps:NIST-800-53:CP-6
Feature: EFS file systems are replicated to another file system
  Every available file system must have a replication configuration whose destination is enabled, so that a copy of its data exists in another file system, usually in another Region.

  Background:
    Given the resources listed by "efs.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"
    And each resource is enriched by "efs.DescribeReplicationConfigurations" with "FileSystemId" from "FileSystemId"
    And the error "ReplicationNotFound" from "efs.DescribeReplicationConfigurations" means absent

  Scenario: the file system replicates to an enabled destination
    When only resources where "LifeCycleState" is "available"
    Then "DescribeReplicationConfigurations.Replications[].Destinations[].Status" must be one of ["ENABLED", "ENABLING"]
