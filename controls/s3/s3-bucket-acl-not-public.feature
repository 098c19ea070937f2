# controlbot: request-sha256=039e29945d858b70372f81d857d52b12f5ed8f5ab4f396e2dfb4ba3cc42b37b0 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:s3-bucket-acl-not-public @service:s3 @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: S3 bucket ACLs grant nothing to all users or authenticated users
  The access control list of each bucket must not grant any permission to the AllUsers or AuthenticatedUsers global groups.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketAcl" with "Bucket" from "Name"

  Scenario: the ACL grants nothing to all users
    # grants to a user or the owner carry no URI; "must not contain" looks only at the URIs present
    Then "GetBucketAcl.Grants" must be present
    And "GetBucketAcl.Grants[].Grantee.URI" must not contain "http://acs.amazonaws.com/groups/global/AllUsers"

  Scenario: the ACL grants nothing to any authenticated AWS user
    Then "GetBucketAcl.Grants" must be present
    And "GetBucketAcl.Grants[].Grantee.URI" must not contain "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
