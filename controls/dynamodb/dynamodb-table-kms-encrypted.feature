# controlbot: request-sha256=30c77434c57099900dd914723a1452f7241c102d7a1d804002bed30688844bf3 provider=offline model=- prompt=bcd93ad4 review=edited
@control:dynamodb-table-kms-encrypted @service:dynamodb @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: DynamoDB tables are encrypted at rest with an AWS KMS key in the account
  Every table must be encrypted at rest with an AWS KMS key held in the account (SSE type KMS, encryption status enabled) rather than the AWS owned key that DynamoDB uses by default; the key should be customer managed.

  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeTable" with "TableName" from "@"

  Scenario: the table is encrypted with a KMS key in the account
    Then "DescribeTable.Table.SSEDescription.SSEType" must be "KMS"
    And "DescribeTable.Table.SSEDescription.Status" must be "ENABLED"

  Scenario: the KMS key is customer managed
    Then manual: look up DescribeTable.Table.SSEDescription.KMSMasterKeyArn with kms.DescribeKey and confirm KeyMetadata.KeyManager is CUSTOMER, not AWS (the aws/dynamodb key)
