# controlbot: request-sha256=6f33cb9ee5a34162eab1f7adc2b5179e92a25b9ace7986e82857bd4376fb1233 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sns-topic-kms-encrypted @service:sns @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:SNS.1 @maps:NIST-800-53:SC-28
Feature: SNS topics encrypt stored messages with a KMS key
  Every topic must have server-side encryption turned on, with an AWS KMS key (AWS managed or customer managed) protecting the messages it stores.

  Background:
    Given the resources listed by "sns.ListTopics" at "Topics" identified by "TopicArn"
    And each resource is enriched by "sns.GetTopicAttributes" with "TopicArn" from "TopicArn"

  Scenario: messages are encrypted with a KMS key
    Then "GetTopicAttributes.Attributes.KmsMasterKeyId" must not be empty
