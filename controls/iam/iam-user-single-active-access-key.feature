# controlbot: request-sha256=cebcddb800eab02c95225c985c81e94d67b7384c70d739449bd2842a8a62b14d provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-user-single-active-access-key @service:iam @severity:medium @category:authentication @maps:CIS-AWS-3.0:1.13 @maps:NIST-800-53:IA-5
Feature: Each IAM user has at most one active access key
  No IAM user may have more than one access key in the Active state at the same time.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.ListAccessKeys" with "UserName" from "UserName"

  Scenario: the user has at most one active access key
    Then the expression "length(ListAccessKeys.AccessKeyMetadata[?Status=='Active']) <= `1`" must be true
