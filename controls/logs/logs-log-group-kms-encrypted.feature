# controlbot: request-sha256=22a775ea56e96e0c3bc72ab3bff4f63195ceda8b9aa360576af313de158a1a34 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:logs-log-group-kms-encrypted @service:logs @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:AU-9
Feature: CloudWatch Logs log groups are encrypted with a customer managed KMS key
  Every log group must be associated with a customer managed KMS key that encrypts its log data, instead of only the service's default encryption.

  Background:
    Given the resources listed by "logs.DescribeLogGroups" at "logGroups" identified by "logGroupName"

  Scenario: the log group is associated with a KMS key
    Then "kmsKeyId" must be present
