# controlbot: request-sha256=4411949cc879e97fbc1f8bf6703f343359fc3119a96c240b6f28d3a12ed21e77 provider=human model=- prompt=- review=rewritten
@control:glacier-vault-policy-not-public @service:glacier @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: S3 Glacier vault access policies do not allow everyone
  No vault access policy may allow access to every principal ("Principal": "*" or {"AWS": "*"}) in an Allow statement.

  Background:
    Given the resources listed by "glacier.ListVaults" at "VaultList" identified by "VaultName" with "accountId" set to "-"
    And each resource is enriched by "glacier.GetVaultAccessPolicy" with "accountId" set to "-" and "vaultName" from "VaultName"
    And the error "ResourceNotFoundException" from "glacier.GetVaultAccessPolicy" means absent

  Scenario: no Allow statement names every principal
    # the policy is a JSON string, matched as text: no statement may pair "Effect": "Allow" with a "*" principal;
    # a vault without an access policy is not applicable here (only IAM principals of the account reach it)
    When only resources where "GetVaultAccessPolicy.policy.Policy" is present
    Then "GetVaultAccessPolicy.policy.Policy" must match "^(?![\s\S]*(\"Effect\"\s*:\s*\"Allow\"[^{}]*\"Principal\"\s*:\s*(\"\*\"|\{\s*\"AWS\"\s*:\s*\[?\s*\"\*\")|\"Principal\"\s*:\s*(\"\*\"|\{\s*\"AWS\"\s*:\s*\[?\s*\"\*\"\s*\]?\s*\})[^{}]*\"Effect\"\s*:\s*\"Allow\"))"
