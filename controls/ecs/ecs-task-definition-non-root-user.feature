# controlbot: request-sha256=f5ca7edd6ac0e6b538b342f1189cbb0a563a6b9e031a46bfd48896674e17a204 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ecs-task-definition-non-root-user @service:ecs @severity:medium @category:other @maps:NIST-800-53:AC-6
Feature: ECS containers run as a named non-root user
  Every container definition in an active task definition must set the user the container runs as, and that user must not be root (neither the name root nor UID 0, with or without a group).

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: every container runs as a non-root user
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    # plain projection: every container needs a user; "root", "0", "root:x", "0:0" are refused
    Then "DescribeTaskDefinition.taskDefinition.containerDefinitions[].user" must match "^(?!(root|0)(:|$))[^:]+(:.+)?$"
