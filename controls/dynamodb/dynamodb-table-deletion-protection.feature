# controlbot: request-sha256=b75852b5fd294d9ad3811b66069c533faa2dcb185a578ec469834acc8094bb68 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:dynamodb-table-deletion-protection @service:dynamodb @severity:medium @category:deletion-protection @maps:AWS-FSBP:DynamoDB.6 @maps:NIST-800-53:CP-9 @maps:NIST-800-53:SI-12
Feature: DynamoDB tables cannot be deleted while deletion protection is on
  Deletion protection must be enabled on every table so that it cannot be deleted by accident.

  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeTable" with "TableName" from "@"

  Scenario: deletion protection is enabled
    Then "DescribeTable.Table.DeletionProtectionEnabled" must be true
