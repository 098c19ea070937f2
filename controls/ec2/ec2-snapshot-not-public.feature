# controlbot: request-sha256=46fe99488f78d425b40edc4445b22852f138172d23eff5e34b8afe02315caf5b provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-snapshot-not-public @service:ec2 @severity:critical @category:public-access @maps:AWS-FSBP:EC2.1 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: EBS snapshots owned by the account cannot be restored by everyone
  No snapshot owned by the account may grant the createVolumePermission to the group "all"; a snapshot may only be shared with named AWS accounts.

  Background:
    Given the resources listed by "ec2.DescribeSnapshots" at "Snapshots" identified by "SnapshotId" with "OwnerIds" set to ["self"]
    And each resource is enriched by "ec2.DescribeSnapshotAttribute" with "SnapshotId" from "SnapshotId" and "Attribute" set to "createVolumePermission"

  Scenario: the snapshot is not shared with everyone
    # [?Group]: entries that name an account have no Group, and a missing value would fail "must not be"
    Then each element of "DescribeSnapshotAttribute.CreateVolumePermissions[?Group].Group", if any, must not be "all"
