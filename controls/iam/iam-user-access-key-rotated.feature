# controlbot: request-sha256=179bfa867ee096248a3322fac1e54a7256897ad25c0ae2d4eb58060937227ab6 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:iam-user-access-key-rotated @service:iam @severity:medium @category:key-rotation @maps:AWS-FSBP:IAM.3 @maps:CIS-AWS-3.0:1.14 @maps:NIST-800-53:IA-5(1)
Feature: Active IAM user access keys are no older than 90 days
  Every active access key of an IAM user must have been created within the last 90 days; older active keys must be rotated.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.ListAccessKeys" with "UserName" from "UserName"

  Scenario: every active access key was created in the last 90 days
    Then each element of "ListAccessKeys.AccessKeyMetadata[?Status=='Active'].CreateDate", if any, must be at most 90 days old
