# controlbot: request-sha256=58d656620f98ae51fb8eb36f3092dc0771af54797decb3fc4bedb81f2216f5d7 provider=human model=- prompt=-
@control:dynamodb-table-point-in-time-recovery @service:dynamodb @severity:medium @category:backup-recovery
@maps:NIST-800-53:CP-9 @maps:NIST-800-53:CP-10
Feature: DynamoDB tables can be restored to any second of the recovery window
  Point-in-time recovery must be enabled on every table.

  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeContinuousBackups" with "TableName" from "@"

  Scenario: point-in-time recovery is enabled
    Then "DescribeContinuousBackups.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" must be "ENABLED"
