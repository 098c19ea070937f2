# controlbot: request-sha256=77e6f74de136ac326b83278f70607de88b9d58e67c953edbcd3744b75bd4afa3 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:s3-bucket-acls-disabled @service:s3 @severity:medium @category:public-access @maps:AWS-FSBP:S3.12 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-6
Feature: S3 buckets disable ACLs with the bucket owner enforced setting
  Object Ownership must be set to BucketOwnerEnforced on every bucket, so that access control lists are disabled and access is governed by policies alone.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketOwnershipControls" with "Bucket" from "Name"
    And the error "OwnershipControlsNotFoundError" from "s3.GetBucketOwnershipControls" means absent

  Scenario: object ownership is bucket owner enforced
    Then "GetBucketOwnershipControls.OwnershipControls.Rules[].ObjectOwnership" must be "BucketOwnerEnforced"
