# controlbot: request-sha256=35360a5353c8d253248dbce90a897e6c785b5e5e4eed979a69258745021d1df3 provider=offline model=- prompt=bcd93ad4 review=edited
@control:s3-bucket-ssl-requests-only @service:s3 @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:S3.5 @maps:CIS-AWS-3.0:2.1.1 @maps:NIST-800-53:SC-8
Feature: S3 bucket policies refuse requests that do not use TLS
  Each bucket must have a bucket policy with a Deny statement for requests whose aws:SecureTransport condition key is false, so that plain HTTP requests are refused.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketPolicy" with "Bucket" from "Name"
    And the error "NoSuchBucketPolicy" from "s3.GetBucketPolicy" means absent

  Scenario: the bucket policy denies requests made without TLS
    # the policy is a JSON string: a Deny statement and an aws:SecureTransport condition set to false
    Then "GetBucketPolicy.Policy" must be present
    And "GetBucketPolicy.Policy" must match "\"Effect\"\s*:\s*\"Deny\""
    And "GetBucketPolicy.Policy" must match "\"aws:SecureTransport\"\s*:\s*\[?\s*\"?false\"?"
