# controlbot: request-sha256=ea8a669814f0a978f62c2fce8c6f79ebdd6d3b2f3d2fedf6fed81e6e3e0bf899 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ecs-task-definition-logging-configured @service:ecs @severity:medium @category:logging @maps:AWS-FSBP:ECS.9 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: ECS containers send their logs to a log driver
  Every container definition in an active task definition must have a log configuration that names a log driver.

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: every container names a log driver
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    Then "DescribeTaskDefinition.taskDefinition.containerDefinitions[].logConfiguration.logDriver" must be present
