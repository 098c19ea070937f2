# controlbot: request-sha256=e42cf3baf8dc18d9e4a42ed12e435d9c12da3a24b7562d9e17b33c7ad1b83ea6 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:s3-bucket-mfa-delete-enabled @service:s3 @severity:low @category:deletion-protection @maps:AWS-FSBP:S3.20 @maps:CIS-AWS-3.0:2.1.2 @maps:NIST-800-53:IA-2(1) @maps:NIST-800-53:CP-9
Feature: S3 buckets require MFA to delete object versions
  MFA delete must be enabled in the versioning configuration of every bucket, so that deleting an object version or changing the versioning state needs a multi-factor authentication code.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"

  Scenario: MFA delete is enabled
    Then "GetBucketVersioning.MFADelete" must be "Enabled"
