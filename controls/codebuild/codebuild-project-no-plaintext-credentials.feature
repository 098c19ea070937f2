# controlbot: request-sha256=e31c40e59dde5a35fd385d95eb4fabca56baf95d449267183d8675921f84d5b6 provider=offline model=- prompt=bcd93ad4 review=edited
@control:codebuild-project-no-plaintext-credentials @service:codebuild @severity:critical @category:authentication @maps:AWS-FSBP:CodeBuild.2 @maps:NIST-800-53:IA-5(7) @maps:NIST-800-53:SC-28
Feature: CodeBuild projects do not hold AWS credentials in plaintext environment variables
  No project may define the environment variables AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY with type PLAINTEXT; secrets belong in Parameter Store or Secrets Manager variables, and AWS access comes from the service role.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: no AWS key is a plaintext variable
    Then "BatchGetProjects.projects[0].arn" must be present
    # a variable without a type is PLAINTEXT
    And each element of "BatchGetProjects.projects[0].environment.environmentVariables[?type == 'PLAINTEXT' || type == `null`].name", if any, must not be one of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
