# controlbot: request-sha256=bb6732a3dc555c3f0abe968bda6c2daf06782b0fa6dc5f57c02df7ebddac8f92 provider=human model=- prompt=-
@control:backup-vault-lock-minimum-retention @service:backup @severity:high @category:deletion-protection
@maps:NIST-800-53:CP-9
Feature: AWS Backup vaults are locked with a minimum retention of a week
  Every vault must be under Vault Lock with a minimum retention of at least 7 days.

  Background:
    Given the resources listed by "backup.ListBackupVaults" at "BackupVaultList" identified by "BackupVaultName"

  Scenario: the vault is locked
    Then "Locked" must be true

  Scenario: the lock keeps recovery points for at least 7 days
    Then "MinRetentionDays" must be at least 7
