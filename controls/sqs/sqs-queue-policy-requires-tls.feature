# controlbot: request-sha256=e3356703f4e77b60d1a4e36749f53a7f7ff9b45e91981418c8f005f373fbd96d provider=offline model=- prompt=bcd93ad4 review=edited
@control:sqs-queue-policy-requires-tls @service:sqs @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: SQS queue policies refuse requests not sent over TLS
  Every queue's access policy must deny requests that are not made over HTTPS, with a Deny statement conditioned on aws:SecureTransport being false; a queue without a policy fails.

  Background:
    Given the resources listed by "sqs.ListQueues" at "QueueUrls" identified by "@"
    And each resource is enriched by "sqs.GetQueueAttributes" with "QueueUrl" from "@" and "AttributeNames" set to ["All"]

  Scenario: the queue policy denies requests without TLS
    Then "GetQueueAttributes.Attributes.Policy" must match "(?is)\"Effect\"\s*:\s*\"Deny\"(?:(?!\"Effect\").)*?\"aws:SecureTransport\"\s*:\s*\[?\s*\"?false"
