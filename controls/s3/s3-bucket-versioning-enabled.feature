# controlbot: request-sha256=5a881af49485f4417d8118d70c78e0d6d55db2b95d48ef2cb151a81d39332460 provider=human model=- prompt=-
@control:s3-bucket-versioning-enabled @service:s3 @severity:medium @category:versioning
@maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: S3 buckets keep every version of their objects
  Versioning must be enabled on each bucket; a suspended or never-configured bucket fails.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"

  Scenario: versioning is enabled
    Then "GetBucketVersioning.Status" must be "Enabled"
