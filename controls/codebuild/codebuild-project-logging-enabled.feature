# controlbot: request-sha256=d2f9875d60a64221d75ca3a5ae918c57d02482f9b7734c7c71a1f441b773e495 provider=offline model=- prompt=bcd93ad4 review=edited
@control:codebuild-project-logging-enabled @service:codebuild @severity:medium @category:logging @maps:AWS-FSBP:CodeBuild.4 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: CodeBuild projects keep build logs in CloudWatch Logs or S3
  Every project must send its build logs to CloudWatch Logs or to S3: at least one of logsConfig.cloudWatchLogs.status and logsConfig.s3Logs.status must be ENABLED.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: build logs go to CloudWatch Logs or S3
    Then the expression "BatchGetProjects.projects[0].logsConfig.cloudWatchLogs.status == 'ENABLED' || BatchGetProjects.projects[0].logsConfig.s3Logs.status == 'ENABLED'" must be true
