# controlbot: request-sha256=89be13bb828d21159f9f8dec0b845e6a0e0605e0875f91e009a14520792a4484 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:iam-policy-no-full-admin @service:iam @severity:high @category:other @maps:AWS-FSBP:IAM.1 @maps:CIS-AWS-3.0:1.16 @maps:NIST-800-53:AC-6
Feature: Customer managed IAM policies do not grant full administrative access
  The default version of every customer managed policy must not contain an Allow statement whose actions include "*" on resources that include "*".

  Background:
    Given the resources listed by "iam.ListPolicies" at "Policies" identified by "Arn" with "Scope" set to "Local"
    And each resource is enriched by "iam.GetPolicyVersion" with "PolicyArn" from "Arn" and "VersionId" from "DefaultVersionId"

  Scenario: no statement allows every action on every resource
    # botocore decodes the policy document into an object, which the model types as a string: not_null() reads it
    Then "not_null(GetPolicyVersion.PolicyVersion.Document).Statement" must be present
    And the expression "length(to_array(not_null(GetPolicyVersion.PolicyVersion.Document).Statement)[?Effect=='Allow' && contains(to_array(Action), '*') && contains(to_array(Resource), '*')]) == `0`" must be true
