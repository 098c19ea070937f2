# controlbot: request-sha256=0eeeca11721f8ce06cebffefc6d48d3319024b6f6dace56b7c64c412f1bef33e provider=offline model=- prompt=bcd93ad4 review=edited
@control:sqs-queue-customer-managed-key @service:sqs @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: SQS queues encrypt messages with a customer managed KMS key
  Each queue must use SSE-KMS with a customer managed KMS key; SSE-SQS, the AWS managed key alias/aws/sqs and no encryption all fail.

  Background:
    Given the resources listed by "sqs.ListQueues" at "QueueUrls" identified by "@"
    And each resource is enriched by "sqs.GetQueueAttributes" with "QueueUrl" from "@" and "AttributeNames" set to ["All"]

  Scenario: the queue names a KMS key
    Then "GetQueueAttributes.Attributes.KmsMasterKeyId" must not be empty

  Scenario: the queue's KMS key is not the AWS managed key
    Then "GetQueueAttributes.Attributes.KmsMasterKeyId" must match "^(?!(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:)?alias/aws/sqs$)"
