# controlbot: request-sha256=b5aa472221621e45ea95182ddf3c5f91da09886266017e78505d1e9eeb824d5f provider=human model=- prompt=- review=rewritten
@control:glacier-vault-lock-locked @service:glacier @severity:medium @category:deletion-protection @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: S3 Glacier vaults are protected by a locked Vault Lock policy
  Every vault must have a Vault Lock policy in the Locked state, so that its retention and deletion rules can no longer be changed or removed.

  Background:
    Given the resources listed by "glacier.ListVaults" at "VaultList" identified by "VaultName" with "accountId" set to "-"
    And each resource is enriched by "glacier.GetVaultLock" with "accountId" set to "-" and "vaultName" from "VaultName"
    And the error "ResourceNotFoundException" from "glacier.GetVaultLock" means absent

  Scenario: the vault lock policy is locked
    Then "GetVaultLock.State" must be "Locked"
