# controlbot: request-sha256=e9a28b1447996ece5033c00c9b3ac9a4d91505a583a99e89768ca38293f0a783 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:iam-account-password-policy-max-age @service:iam @severity:low @category:authentication @maps:NIST-800-53:IA-5(1)
Feature: IAM user passwords expire after at most 90 days
  The account's custom IAM password policy must make passwords expire, with a maximum password age of 90 days or fewer.

  Background:
    Given the account setting read by "iam.GetAccountPasswordPolicy"
    And the error "NoSuchEntity" from "iam.GetAccountPasswordPolicy" means absent

  Scenario: passwords expire within 90 days
    Then "GetAccountPasswordPolicy.PasswordPolicy.MaxPasswordAge" must be at most 90
    And "GetAccountPasswordPolicy.PasswordPolicy.ExpirePasswords" must be true
