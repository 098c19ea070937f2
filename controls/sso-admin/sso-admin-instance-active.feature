# controlbot: request-sha256=d960cd1c60af905d983954f679e8ff8196b1f71a11d0f4340a1575280a100ffb provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:sso-admin-instance-active @service:sso-admin @severity:medium @category:authentication @maps:NIST-800-53:AC-2(1) @maps:NIST-800-53:IA-2
Feature: IAM Identity Center is set up and active for workforce sign-in
  The account must see at least one IAM Identity Center instance in the ACTIVE state, so that people sign in through centrally managed identities instead of IAM users.

  Background:
    Given the account setting read by "sso-admin.ListInstances"

  Scenario: an Identity Center instance is active
    Then at least one element of "ListInstances.Instances[].Status" must be "ACTIVE"
