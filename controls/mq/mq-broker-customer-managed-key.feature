# controlbot: request-sha256=73928965c3f7c33d63d423c7f4531187492358c0c83619e24c3047ccd24ac598 provider=offline model=- prompt=bcd93ad4 review=edited
@control:mq-broker-customer-managed-key @service:mq @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Amazon MQ brokers encrypt data at rest with a customer managed KMS key
  Every broker must encrypt its data at rest with a customer managed KMS key rather than the AWS owned key.

  Background:
    Given the resources listed by "mq.ListBrokers" at "BrokerSummaries" identified by "BrokerId"
    And each resource is enriched by "mq.DescribeBroker" with "BrokerId" from "BrokerId"

  Scenario: the broker does not use the AWS owned key
    Then "DescribeBroker.EncryptionOptions.UseAwsOwnedKey" must be false

  Scenario: the broker names a KMS key
    Then "DescribeBroker.EncryptionOptions.KmsKeyId" must not be empty
