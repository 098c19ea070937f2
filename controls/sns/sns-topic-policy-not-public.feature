# controlbot: request-sha256=28d38c808a17ae03c0a760a566c5081d7d81ec927cae951b66e9458757084111 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sns-topic-policy-not-public @service:sns @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: SNS topic policies do not grant access to everyone
  A topic's access policy must not allow any principal ("*") to use the topic unless the grant is narrowed by a condition such as the source account or organization.

  Background:
    Given the resources listed by "sns.ListTopics" at "Topics" identified by "TopicArn"
    And each resource is enriched by "sns.GetTopicAttributes" with "TopicArn" from "TopicArn"

  Scenario: no statement allows every principal without a condition
    When only resources where "GetTopicAttributes.Attributes.Policy" is present
    Then "GetTopicAttributes.Attributes.Policy" must match "(?s)^(?!.*\{[^{}]*(?:\"Effect\"\s*:\s*\"Allow\"[^{}]*\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})|\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})[^{}]*\"Effect\"\s*:\s*\"Allow\")[^{}]*\})"
