# controlbot: request-sha256=9d0700a610fd6b5c2f32ca45bbf664d331ee1fa3fa732d6885d217ae735776b5 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ecs-task-definition-no-credentials-in-environment @service:ecs @severity:high @category:authentication @maps:AWS-FSBP:ECS.8 @maps:NIST-800-53:IA-5(7) @maps:NIST-800-53:SC-28
Feature: ECS task definitions do not pass AWS credentials as plain environment variables
  No container definition in an active task definition may set the environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA in clear text; credentials come from the task role, and other secrets through the secrets parameter (Secrets Manager or SSM Parameter Store).

  Background:
    Given the resources listed by "ecs.ListTaskDefinitions" at "taskDefinitionArns" identified by "@"
    And each resource is enriched by "ecs.DescribeTaskDefinition" with "taskDefinition" from "@"

  Scenario: no AWS credential is set as a plain environment variable
    When only resources where "DescribeTaskDefinition.taskDefinition.status" is "ACTIVE"
    Then "DescribeTaskDefinition.taskDefinition.containerDefinitions" must not be empty
    And each element of "DescribeTaskDefinition.taskDefinition.containerDefinitions[].environment[].name", if any, must not be one of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"]
