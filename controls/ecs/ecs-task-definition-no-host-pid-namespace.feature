# controlbot: request-sha256=5579b1e4851787e5c9e27e317c7dc5096c20e4b767f8651f1aa48e05eae4aa49 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ecs-task-definition-no-host-pid-namespace @service:ecs @severity:high @category:other @maps:AWS-FSBP:ECS.3 @maps:NIST-800-53:SC-39 @maps:NIST-800-53:AC-6
Feature: ECS task definitions do not share the host's process namespace
  No active task definition may set its PID mode to host, which lets its containers see and signal every process on the container instance.

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: the PID mode is not host
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    # an absent pidMode (one namespace per container) passes; the ACTIVE filter already needs the description
    Then the expression "DescribeTaskDefinition.taskDefinition.pidMode != 'host'" must be true
