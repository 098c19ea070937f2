# controlbot: request-sha256=1513352eed4dbfa23f7683cf4f96f8b35c97834c3a56dbc7743d3650ffb95211 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ssm-document-not-public @service:ssm @severity:critical @category:public-access @maps:AWS-FSBP:SSM.4 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: SSM documents we own are not shared publicly
  No Systems Manager document owned by the account may be shared with everyone (sharing permission "all"); sharing with named accounts is allowed.

  Background:
    Given the resources listed by "ssm.ListDocuments" at "DocumentIdentifiers" identified by "Name" with "Filters" set to [{"Key": "Owner", "Values": ["Self"]}]
    And each resource is enriched by "ssm.DescribeDocumentPermission" with "Name" from "Name" and "PermissionType" set to "Share"

  Scenario: the document is not shared with all accounts
    Then each element of "DescribeDocumentPermission.AccountIds[]", if any, must not be one of ["all", "All", "ALL"]
