# controlbot: request-sha256=6c3d4181bee18f8ff8e4d29115f6b900ed455e34f8560e5db584ed8033f84550 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:iam-user-console-password-recently-used @service:iam @severity:medium @category:authentication @maps:CIS-AWS-3.0:1.12 @maps:AWS-FSBP:IAM.22 @maps:NIST-800-53:AC-2(3)
Feature: IAM console passwords unused for 45 days are removed
  An IAM user's console password must have been used to sign in within the last 45 days; a password that was never used must have been created within the last 45 days.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.GetLoginProfile" with "UserName" from "UserName"
    And the error "NoSuchEntity" from "iam.GetLoginProfile" means absent

  Scenario: a used password was used in the last 45 days
    When only resources where "GetLoginProfile.LoginProfile" is present
    And only resources where "PasswordLastUsed" is present
    Then "PasswordLastUsed" must be at most 45 days old

  Scenario: a never-used password was created in the last 45 days
    When only resources where "GetLoginProfile.LoginProfile" is present
    And only resources where "PasswordLastUsed" is absent
    Then "GetLoginProfile.LoginProfile.CreateDate" must be at most 45 days old
