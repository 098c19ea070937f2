# controlbot: request-sha256=d589ba1c6d899bc9d85c42dd6430f2be93acde776c526f081020c9b0519fcd9a provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:dynamodb-table-recent-on-demand-backup @service:dynamodb @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9
Feature: DynamoDB tables have an on-demand or AWS Backup backup from the last 7 days
  Each table must have at least one available backup created within the last 7 days.

  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.ListBackups" with "TableName" from "@" and "BackupType" set to "ALL"

  Scenario: an available backup was taken in the last 7 days
    Then at least one element of "ListBackups.BackupSummaries[?BackupStatus == 'AVAILABLE'].BackupCreationDateTime" must be at most 7 days old
