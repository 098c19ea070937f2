# controlbot: request-sha256=2355fd9378fd5ca41ac4c3f73ed24dae1f4fcc4a27dd9782c1610d0a11dcfc43 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudformation-stack-sns-notifications @service:cloudformation @severity:low @category:monitoring @maps:AWS-FSBP:CloudFormation.1 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:CM-3
Feature: CloudFormation stacks publish their events to an SNS topic
  Every stack must send its stack events to at least one SNS topic, so that creations, updates, rollbacks and deletions are notified.

  Background:
    Given the resources listed by "cloudformation.DescribeStacks" at "Stacks" identified by "StackName"

  Scenario: stack events go to an SNS topic
    Then "NotificationARNs" must not be empty
