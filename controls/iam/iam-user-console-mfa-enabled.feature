# controlbot: request-sha256=d491a823035a02da5a479147c4b9f16356d620f334322d0152f26d4be621d7d1 provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-user-console-mfa-enabled @service:iam @severity:high @category:authentication @maps:AWS-FSBP:IAM.5 @maps:CIS-AWS-3.0:1.10 @maps:NIST-800-53:IA-2(1)
Feature: IAM users who can sign in to the console have an MFA device
  Every IAM user that has a console password (a login profile) must also have at least one MFA device assigned.

  Background:
    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"
    And each resource is enriched by "iam.GetLoginProfile" with "UserName" from "UserName"
    And the error "NoSuchEntity" from "iam.GetLoginProfile" means absent
    And each resource is enriched by "iam.ListMFADevices" with "UserName" from "UserName"

  Scenario: a console user has an MFA device
    When only resources where "GetLoginProfile.LoginProfile" is present
    Then "ListMFADevices.MFADevices" must not be empty
