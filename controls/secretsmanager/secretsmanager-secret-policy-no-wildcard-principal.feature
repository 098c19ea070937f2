# controlbot: request-sha256=e1e34f8e521463752b298fc13e67bc08469db16e0dc914cc3fc1e2548977b662 provider=offline model=- prompt=bcd93ad4 review=edited
@control:secretsmanager-secret-policy-no-wildcard-principal @service:secretsmanager @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-6
Feature: Secrets Manager resource policies do not grant access to every principal
  A secret that has a resource-based policy must not name the wildcard principal in it: no statement may have Principal "*" or an AWS principal of "*".

  Background:
    Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "ARN"
    And each resource is enriched by "secretsmanager.GetResourcePolicy" with "SecretId" from "ARN"
    And the error "ResourceNotFoundException" from "secretsmanager.GetResourcePolicy" means absent

  Scenario: the resource policy has no wildcard principal
    When only resources where "GetResourcePolicy.ResourcePolicy" is present
    Then "GetResourcePolicy.ResourcePolicy" must match "^(?![\s\S]*(\"(Principal|AWS)\"\s*:\s*\"\*\"|\"AWS\"\s*:\s*\[[^\]]*\"\*\"))"
