# controlbot: request-sha256=02b4bf074c6cbb1d7ee8df27736b64475d14a763674a98f8b78f0d365cb2ceef provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-account-password-policy-complexity @service:iam @severity:medium @category:authentication @maps:AWS-FSBP:IAM.7 @maps:NIST-800-53:IA-5(1)
Feature: The IAM password policy requires upper case, lower case, digits and symbols
  The account's custom IAM password policy must require at least one upper case letter, one lower case letter, one number and one non-alphanumeric character in every password.

  Background:
    Given the account setting read by "iam.GetAccountPasswordPolicy"
    And the error "NoSuchEntity" from "iam.GetAccountPasswordPolicy" means absent

  Scenario: every character class is required
    Then "GetAccountPasswordPolicy.PasswordPolicy.RequireUppercaseCharacters" must be true
    And "GetAccountPasswordPolicy.PasswordPolicy.RequireLowercaseCharacters" must be true
    And "GetAccountPasswordPolicy.PasswordPolicy.RequireNumbers" must be true
    And "GetAccountPasswordPolicy.PasswordPolicy.RequireSymbols" must be true
