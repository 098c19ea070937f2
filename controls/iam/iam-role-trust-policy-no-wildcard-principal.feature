# controlbot: request-sha256=c4ba82dbba91f75f9262ff45bc6bb26ef403597240160f621e482a02ede5f023 provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-role-trust-policy-no-wildcard-principal @service:iam @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-6
Feature: IAM role trust policies do not let any AWS principal assume the role unconditionally
  No statement of a role's trust policy may allow a wildcard principal ("*" or an AWS principal of "*") to assume the role without any condition.

  Background:
    Given the resources listed by "iam.ListRoles" at "Roles" identified by "RoleName"
    And each resource is enriched by "iam.GetRole" with "RoleName" from "RoleName"

  Scenario: no unconditional statement trusts every principal
    # botocore decodes the trust policy into an object, which the model types as a string: not_null() reads it
    Then "not_null(GetRole.Role.AssumeRolePolicyDocument).Statement" must be present
    And the expression "length(to_array(not_null(GetRole.Role.AssumeRolePolicyDocument).Statement)[?Effect=='Allow' && Condition==null && (Principal=='*' || contains(to_array(Principal.AWS), '*'))]) == `0`" must be true
