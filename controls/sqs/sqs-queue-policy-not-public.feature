# controlbot: request-sha256=5ee46d9480b92aa57f30732f641421d5e05d0ad14f80a81bc76cf50abc5e6b43 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sqs-queue-policy-not-public @service:sqs @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: SQS queue policies do not grant access to everyone
  A queue's access policy must not let any principal ("*") send, receive or manage messages unless the grant is narrowed by a condition (source ARN, source account, organization, VPC endpoint).

  Background:
    Given the resources listed by "sqs.ListQueues" at "QueueUrls" identified by "@"
    And each resource is enriched by "sqs.GetQueueAttributes" with "QueueUrl" from "@" and "AttributeNames" set to ["All"]

  Scenario: no statement allows every principal without a condition
    When only resources where "GetQueueAttributes.Attributes.Policy" is present
    Then "GetQueueAttributes.Attributes.Policy" must match "(?s)^(?!.*\{[^{}]*(?:\"Effect\"\s*:\s*\"Allow\"[^{}]*\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})|\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})[^{}]*\"Effect\"\s*:\s*\"Allow\")[^{}]*\})"
