# controlbot: request-sha256=49b3060029a1a9fc1a70b96a5e1dff16114ef053826624f17df5b09886d8f4fd provider=offline model=- prompt=bcd93ad4 review=edited
@control:backup-recovery-point-encrypted @service:backup @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:Backup.1 @maps:NIST-800-53:SC-28
Feature: AWS Backup recovery points are encrypted at rest
  Every recovery point stored in a backup vault must be encrypted at rest.

  Background:
    Given the resources listed by "backup.ListBackupVaults" at "BackupVaultList" identified by "BackupVaultName"
    And each resource is enriched by "backup.ListRecoveryPointsByBackupVault" with "BackupVaultName" from "BackupVaultName"

  Scenario: every recovery point in the vault is encrypted
    # findings name the vault; an empty vault holds no unencrypted recovery point and passes
    Then each element of "ListRecoveryPointsByBackupVault.RecoveryPoints[].IsEncrypted", if any, must be true
