# controlbot: request-sha256=70ce714dd5b55b51ee62d68514440a5b2e8ccedaa4346e916ffd2cc11f6c6e97 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:kms-key-policy-no-wildcard-principal @service:kms @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-6
Feature: KMS key policies name their principals instead of using a wildcard
  The key policy of every customer managed key must not grant access to the wildcard principal: no statement may have Principal "*" or an AWS principal of "*".

  Background:
    Given the resources listed by "kms.ListKeys" at "Keys" identified by "KeyId"
    And each resource is enriched by "kms.DescribeKey" with "KeyId" from "KeyId"
    And each resource is enriched by "kms.GetKeyPolicy" with "KeyId" from "KeyId" and "PolicyName" set to "default"

  Scenario: the key policy has no wildcard principal
    When only resources where "DescribeKey.KeyMetadata.KeyManager" is "CUSTOMER"
    Then "GetKeyPolicy.Policy" must match "^(?![\s\S]*(\"(Principal|AWS)\"\s*:\s*\"\*\"|\"AWS\"\s*:\s*\[[^\]]*\"\*\"))"
