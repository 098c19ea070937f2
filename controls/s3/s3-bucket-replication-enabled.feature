# controlbot: request-sha256=62de3a46aae1716e09a1866bbdc13839d030664f96462ac27a18efc7eb9f3d9e provider=offline model=- prompt=bcd93ad4 review=edited
@control:s3-bucket-replication-enabled @service:s3 @severity:low @category:versioning @maps:AWS-FSBP:S3.7 @maps:NIST-800-53:CP-9 @maps:NIST-800-53:CP-6
Feature: S3 buckets replicate their objects to another bucket
  Each bucket must have a replication configuration with at least one enabled rule, so that a copy of its objects is kept in another bucket.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketReplication" with "Bucket" from "Name"
    And the error "ReplicationConfigurationNotFoundError" from "s3.GetBucketReplication" means absent

  Scenario: at least one replication rule is enabled
    Then at least one element of "GetBucketReplication.ReplicationConfiguration.Rules[].Status" must be "Enabled"
