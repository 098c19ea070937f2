# controlbot: request-sha256=5de19ab77600cfe88427986dc9a07135d316516091cca8885a2e82874fd5d3f2 provider=human model=- prompt=-
@control:s3-bucket-server-access-logging @service:s3 @severity:medium @category:logging
@maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: S3 buckets record server access logs in a separate bucket
  Each bucket must deliver server access logs, and never into itself.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketLogging" with "Bucket" from "Name"

  Scenario: server access logging is on
    Then "GetBucketLogging.LoggingEnabled.TargetBucket" must not be empty

  Scenario: logs are delivered to another bucket
    # the comparison alone would pass a bucket without logging (null != Name), hence "must be present"
    Then "GetBucketLogging.LoggingEnabled.TargetBucket" must be present
    And the expression "GetBucketLogging.LoggingEnabled.TargetBucket != Name" must be true
