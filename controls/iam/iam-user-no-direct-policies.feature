# controlbot: request-sha256=f189c2da276557866183abe4e5fd3ab5fc5482453f8bda911c714f257c77f331 provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-user-no-direct-policies @service:iam @severity:low @category:other @maps:AWS-FSBP:IAM.2 @maps:CIS-AWS-3.0:1.15 @maps:NIST-800-53:AC-2 @maps:NIST-800-53:AC-6
Feature: IAM users get their permissions only through groups or roles
  No IAM user may have a managed policy attached directly or an inline policy embedded in the user; permissions must come from group membership or roles.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.ListUserPolicies" with "UserName" from "UserName"
    And each resource is enriched by "iam.ListAttachedUserPolicies" with "UserName" from "UserName"

  Scenario: the user has no inline policy
    Then "ListUserPolicies.PolicyNames" must be []

  Scenario: the user has no managed policy attached directly
    Then "ListAttachedUserPolicies.AttachedPolicies" must be []
