# controlbot: request-sha256=d8b7245d4adae557b1f5a44831a8ba2629a7ffd8e4dfbdb8eca08107fce8de5c provider=human model=- prompt=-
@control:iam-root-user-mfa-enabled @service:iam @severity:critical @category:authentication
@maps:CIS-AWS-3.0:1.5 @maps:NIST-800-53:IA-2(1)
Feature: The root user signs in with multi-factor authentication
  The account summary must report an MFA device on the root user.

  Background:
    Given the account setting read by "iam.GetAccountSummary"

  Scenario: the root user has MFA
    Then "GetAccountSummary.SummaryMap.AccountMFAEnabled" must be 1
