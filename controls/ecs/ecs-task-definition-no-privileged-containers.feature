# controlbot: request-sha256=319da325343ae51bf75f4f712fef004b8510f05a3637d4a75b6ad86d20df0dc0 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ecs-task-definition-no-privileged-containers @service:ecs @severity:high @category:other @maps:AWS-FSBP:ECS.4 @maps:NIST-800-53:AC-6
Feature: ECS task definitions run no container in privileged mode
  No container definition in an active task definition may run privileged, with root-equivalent access to the host.

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: no container is privileged
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    Then "DescribeTaskDefinition.taskDefinition.containerDefinitions" must not be empty
    # containers without the parameter drop out of the projection: they are not privileged
    And the expression "!contains(DescribeTaskDefinition.taskDefinition.containerDefinitions[].privileged, `true`)" must be true
