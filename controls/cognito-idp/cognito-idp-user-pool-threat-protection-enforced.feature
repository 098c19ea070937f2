# controlbot: request-sha256=5d11d7ac1066a5104561d5cac114b4c8394152e2138597b4ff688d9327bf69fe provider=offline model=- prompt=bcd93ad4 review=edited
@control:cognito-idp-user-pool-threat-protection-enforced @service:cognito-idp @severity:medium @category:authentication @maps:AWS-FSBP:Cognito.1 @maps:NIST-800-53:AC-7 @maps:NIST-800-53:SI-4
Feature: Cognito user pools enforce threat protection
  Every Cognito user pool must have threat protection (advanced security) turned on in full-function ENFORCED mode for standard authentication; AUDIT mode or OFF does not comply.

  Background:
    Given the resources listed by "cognito-idp.ListUserPools" at "UserPools" identified by "Id"
    And each resource is enriched by "cognito-idp.DescribeUserPool" with "UserPoolId" from "Id"

  Scenario: threat protection is enforced
    Then "DescribeUserPool.UserPool.UserPoolAddOns.AdvancedSecurityMode" must be "ENFORCED"
