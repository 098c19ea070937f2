# controlbot: request-sha256=2dd693e0a83b70c8159737c0a0bd52a8b5ce52ff366d235523b6c027c6899617 provider=human model=- prompt=-
@control:sqs-queue-server-side-encryption @service:sqs @severity:medium @category:encryption-at-rest
@maps:NIST-800-53:SC-28
Feature: SQS queues encrypt messages at rest
  Each queue must use SSE-SQS or SSE-KMS; a queue with neither fails.

  Background:
    Given the resources listed by "sqs.ListQueues" at "QueueUrls" identified by "@"
    And each resource is enriched by "sqs.GetQueueAttributes" with:
      | QueueUrl       | @       |
      | AttributeNames | ["All"] |

  Scenario: server-side encryption uses SQS managed keys or a KMS key
    Then the expression "GetQueueAttributes.Attributes.SqsManagedSseEnabled == 'true' || GetQueueAttributes.Attributes.KmsMasterKeyId != `null`" must be true
