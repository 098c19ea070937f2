# controlbot: request-sha256=c53d9d7668c3773973e7e575cee246287e647f23568bff8de74d18030d9c1592 provider=human model=- prompt=-
@control:iam-account-password-policy-strength @service:iam @severity:medium @category:authentication
@maps:CIS-AWS-3.0:1.8 @maps:CIS-AWS-3.0:1.9 @maps:NIST-800-53:IA-5
Feature: The IAM password policy demands long passwords and blocks reuse
  A custom password policy must exist, require 14 characters or more and remember the last 24 passwords.

  Background:
    Given the account setting read by "iam.GetAccountPasswordPolicy"
    And the error "NoSuchEntity" from "iam.GetAccountPasswordPolicy" means absent

  Scenario: passwords are at least 14 characters long
    Then "GetAccountPasswordPolicy.PasswordPolicy.MinimumPasswordLength" must be at least 14

  Scenario: the last 24 passwords cannot be reused
    Then "GetAccountPasswordPolicy.PasswordPolicy.PasswordReusePrevention" must be at least 24
