# controlbot: request-sha256=535e8ac4fd792fa04ca0d42fa87fb280059c576b57d5319e0222201e995e3bba provider=offline model=- prompt=bcd93ad4 review=edited
@control:rds-snapshot-not-public @service:rds @severity:critical @category:public-access @maps:AWS-FSBP:RDS.1 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: RDS manual DB snapshots are not shared publicly
  No manual DB snapshot may be restorable by every AWS account: its restore attribute must not include the value "all".

  Background:
    Given the resources listed by "rds.DescribeDBSnapshots" at "DBSnapshots" identified by "DBSnapshotIdentifier"
    And each resource is enriched by "rds.DescribeDBSnapshotAttributes" with "DBSnapshotIdentifier" from "DBSnapshotIdentifier"

  Scenario: the snapshot cannot be restored by every AWS account
    When only resources where "SnapshotType" is "manual"
    Then each element of "DescribeDBSnapshotAttributes.DBSnapshotAttributesResult.DBSnapshotAttributes[?AttributeName=='restore'].AttributeValues[]", if any, must not be "all"
