# controlbot: request-sha256=4c9d65c4db4731a14bd310754303be05c4432a5fa8f2ada3cb80e6b39eb2dd48 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:backup-plan-copies-to-another-vault @service:backup @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9 @maps:NIST-800-53:CP-6
Feature: AWS Backup plans copy recovery points to a second vault
  At least one rule of every backup plan must copy its recovery points to another backup vault (a copy action with a destination vault), so that a copy survives the loss of the first vault, its Region or its account.

  Background:
    Given the resources listed by "backup.ListBackupPlans" at "BackupPlansList" identified by "BackupPlanId"
    And each resource is enriched by "backup.GetBackupPlan" with "BackupPlanId" from "BackupPlanId"

  Scenario: a rule copies recovery points to another vault
    Then at least one element of "GetBackupPlan.BackupPlan.Rules[].CopyActions[].DestinationBackupVaultArn" must not be empty
