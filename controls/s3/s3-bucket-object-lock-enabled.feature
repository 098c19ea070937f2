# controlbot: request-sha256=d513759f6b826c56a170328c3f95262ff014d77754105ad721a44a096e219e62 provider=offline model=- prompt=bcd93ad4 review=edited
@control:s3-bucket-object-lock-enabled @service:s3 @severity:medium @category:deletion-protection @maps:AWS-FSBP:S3.15 @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: S3 buckets have Object Lock enabled
  Object Lock must be enabled on each bucket so that object versions can be protected from deletion and overwrite for a retention period.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetObjectLockConfiguration" with "Bucket" from "Name"
    And the error "ObjectLockConfigurationNotFoundError" from "s3.GetObjectLockConfiguration" means absent

  Scenario: Object Lock is enabled
    Then "GetObjectLockConfiguration.ObjectLockConfiguration.ObjectLockEnabled" must be "Enabled"
