# controlbot: request-sha256=f70d94b6530d8f425821cd64dc1fd74b314ed0fb6c4f64d22445e2957bbf2788 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ecs-task-definition-read-only-root-filesystem @service:ecs @severity:medium @category:other @maps:AWS-FSBP:ECS.5 @maps:NIST-800-53:AC-6 @maps:NIST-800-53:CM-7
Feature: ECS containers mount their root filesystem read-only
  Every container definition in an active task definition must mount the container's root filesystem read-only.

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: every container has a read-only root filesystem
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    Then "DescribeTaskDefinition.taskDefinition.containerDefinitions[].readonlyRootFilesystem" must be true
