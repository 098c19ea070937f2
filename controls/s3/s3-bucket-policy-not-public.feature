# controlbot: request-sha256=42e6886816b93f60eef304a6432844971beaa573cf9a5d8e36c3946ef41f7f54 provider=offline model=- prompt=bcd93ad4 review=edited
@control:s3-bucket-policy-not-public @service:s3 @severity:critical @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: S3 bucket policies do not grant public access
  No bucket policy may make the bucket public: the policy status Amazon S3 computes for the bucket must not be public.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketPolicyStatus" with "Bucket" from "Name"
    And the error "NoSuchBucketPolicy" from "s3.GetBucketPolicyStatus" means absent

  Scenario: the bucket policy is not public
    # a bucket without a policy has no policy status and passes: null is not true
    Then the expression "GetBucketPolicyStatus.PolicyStatus.IsPublic != `true`" must be true
