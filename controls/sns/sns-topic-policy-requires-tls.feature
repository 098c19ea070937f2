# controlbot: request-sha256=9b82b4587f7e09c8b95e830be1a8d9a0405cc253462d4d1cdb5468a287f697c5 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sns-topic-policy-requires-tls @service:sns @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: SNS topic policies refuse requests not sent over TLS
  Every topic's access policy must deny requests that are not made over HTTPS, with a Deny statement conditioned on aws:SecureTransport being false.

  Background:
    Given the resources listed by "sns.ListTopics" at "Topics" identified by "TopicArn"
    And each resource is enriched by "sns.GetTopicAttributes" with "TopicArn" from "TopicArn"

  Scenario: the topic policy denies requests without TLS
    Then "GetTopicAttributes.Attributes.Policy" must match "(?is)\"Effect\"\s*:\s*\"Deny\"(?:(?!\"Effect\").)*?\"aws:SecureTransport\"\s*:\s*\[?\s*\"?false"
