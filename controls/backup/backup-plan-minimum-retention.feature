# controlbot: request-sha256=4832860d449be6df01ea33f7bce7861f404618c6facdcffd6bb7e879227170d3 provider=offline model=- prompt=bcd93ad4 review=edited
@control:backup-plan-minimum-retention @service:backup @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: AWS Backup plans keep recovery points for at least 35 days
  Every rule of every backup plan must keep its recovery points for at least 35 days; a rule without a DeleteAfterDays lifecycle keeps them indefinitely and passes.

  Background:
    Given the resources listed by "backup.ListBackupPlans" at "BackupPlansList" identified by "BackupPlanId"
    And each resource is enriched by "backup.GetBackupPlan" with "BackupPlanId" from "BackupPlanId"

  Scenario: no rule deletes recovery points before 35 days
    # a rule without DeleteAfterDays keeps its recovery points indefinitely
    Then "GetBackupPlan.BackupPlan.Rules" must not be empty
    And the expression "length(GetBackupPlan.BackupPlan.Rules[?Lifecycle.DeleteAfterDays != `null` && Lifecycle.DeleteAfterDays < `35`]) == `0`" must be true
