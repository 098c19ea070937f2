# controlbot: request-sha256=37918ba7d2f333332a6db7e5d1728f60b842c9583309199c50912190fc0e42e7 provider=offline model=- prompt=bcd93ad4 review=edited
@control:backup-vault-failure-notifications @service:backup @severity:low @category:monitoring @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-4
Feature: AWS Backup vaults notify on failed backup and copy jobs
  Every backup vault must send notifications to an SNS topic for failed backup jobs (BACKUP_JOB_FAILED) and failed copy jobs (COPY_JOB_FAILED).

  Background:
    Given the resources listed by "backup.ListBackupVaults" at "BackupVaultList" identified by "BackupVaultName"
    And each resource is enriched by "backup.GetBackupVaultNotifications" with "BackupVaultName" from "BackupVaultName"
    And the error "ResourceNotFoundException" from "backup.GetBackupVaultNotifications" means absent

  Scenario: failed backup and copy jobs are notified to an SNS topic
    Then "GetBackupVaultNotifications.SNSTopicArn" must be present
    And "GetBackupVaultNotifications.BackupVaultEvents" must contain "BACKUP_JOB_FAILED"
    And "GetBackupVaultNotifications.BackupVaultEvents" must contain "COPY_JOB_FAILED"
