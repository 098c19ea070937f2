# controlbot: request-sha256=529d2907234a89f7b2e74413a20f71599b9d376ea96787280df4423bc7e1a34e provider=offline model=- prompt=bcd93ad4 review=edited
@control:cognito-idp-user-pool-mfa-required @service:cognito-idp @severity:medium @category:authentication @maps:NIST-800-53:IA-2(1) @maps:NIST-800-53:IA-2(2)
Feature: Cognito user pools require multi-factor authentication
  Every Cognito user pool must require MFA for all users at sign-in (MFA configuration ON); optional MFA or MFA turned off does not comply.

  Background:
    Given the resources listed by "cognito-idp.ListUserPools" at "UserPools" identified by "Id"
    And each resource is enriched by "cognito-idp.GetUserPoolMfaConfig" with "UserPoolId" from "Id"

  Scenario: MFA is required
    Then "GetUserPoolMfaConfig.MfaConfiguration" must be "ON"
