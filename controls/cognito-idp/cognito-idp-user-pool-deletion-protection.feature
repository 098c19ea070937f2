# controlbot: request-sha256=529830b56bd59b2619fe0179c4496bb9608151599c0b458f9f5209a4561446fd provider=offline model=- prompt=bcd93ad4 review=accepted
@control:cognito-idp-user-pool-deletion-protection @service:cognito-idp @severity:medium @category:deletion-protection @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: Cognito user pools are protected from deletion
  Every Cognito user pool must have deletion protection active, so that the pool and its user directory cannot be deleted by a single call.

  Background:
    Given the resources listed by "cognito-idp.ListUserPools" at "UserPools" identified by "Id"
    And each resource is enriched by "cognito-idp.DescribeUserPool" with "UserPoolId" from "Id"

  Scenario: deletion protection is active
    Then "DescribeUserPool.UserPool.DeletionProtection" must be "ACTIVE"
