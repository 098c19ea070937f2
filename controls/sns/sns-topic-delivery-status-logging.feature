# controlbot: request-sha256=61bbe14efd6db7bc1d6b148f5ae1cf41cd9c6ff6de5710f9f79e6de4759701f6 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sns-topic-delivery-status-logging @service:sns @severity:low @category:logging @maps:AWS-FSBP:SNS.2 @maps:NIST-800-53:AU-12
Feature: SNS topics log the delivery status of their messages
  Each topic must log message delivery failures to CloudWatch Logs for at least one kind of endpoint (HTTP/S, SQS, Lambda, Firehose or application), that is, it must name an IAM role for failure feedback.

  Background:
    Given the resources listed by "sns.ListTopics" at "Topics" identified by "TopicArn"
    And each resource is enriched by "sns.GetTopicAttributes" with "TopicArn" from "TopicArn"

  Scenario: failure feedback is logged for at least one protocol
    Then the expression "(GetTopicAttributes.Attributes.HTTPFailureFeedbackRoleArn || GetTopicAttributes.Attributes.SQSFailureFeedbackRoleArn || GetTopicAttributes.Attributes.LambdaFailureFeedbackRoleArn || GetTopicAttributes.Attributes.FirehoseFailureFeedbackRoleArn || GetTopicAttributes.Attributes.ApplicationFailureFeedbackRoleArn) != `null`" must be true
