# controlbot: request-sha256=b0e4c03460a32475acf59e24bc3525f5322ae4561b3efbf3974dd7d44b7c3299 provider=human model=- prompt=-
@control:s3-bucket-public-access-block-enabled @service:s3 @severity:high @category:public-access
@maps:CIS-AWS-3.0:2.1.4 @maps:NIST-800-53:AC-3
Feature: S3 buckets turn on all four Block Public Access settings
  A bucket without its own Block Public Access configuration, or with any of the four settings off, fails.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetPublicAccessBlock" with "Bucket" from "Name"
    And the error "NoSuchPublicAccessBlockConfiguration" from "s3.GetPublicAccessBlock" means absent

  Scenario: public ACLs are blocked and ignored
    Then "GetPublicAccessBlock.PublicAccessBlockConfiguration.BlockPublicAcls" must be true
    And "GetPublicAccessBlock.PublicAccessBlockConfiguration.IgnorePublicAcls" must be true

  Scenario: public bucket policies are blocked and restricted
    Then "GetPublicAccessBlock.PublicAccessBlockConfiguration.BlockPublicPolicy" must be true
    And "GetPublicAccessBlock.PublicAccessBlockConfiguration.RestrictPublicBuckets" must be true
