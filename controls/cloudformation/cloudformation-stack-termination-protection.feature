# controlbot: request-sha256=fe4f8ed0c43a60022c9b83eaf67f17fa58f32ff898e0b1ff574c880931134f63 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudformation-stack-termination-protection @service:cloudformation @severity:medium @category:deletion-protection @maps:NIST-800-53:CM-5 @maps:NIST-800-53:CP-10
Feature: CloudFormation stacks are protected against deletion
  Every stack must have termination protection enabled, so that it cannot be deleted until the protection is deliberately turned off.

  Background:
    Given the resources listed by "cloudformation.DescribeStacks" at "Stacks" identified by "StackName"

  Scenario: termination protection is enabled
    When only resources where "ParentId" is absent
    Then "EnableTerminationProtection" must be true
