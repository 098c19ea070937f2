# controlbot: request-sha256=9e9fc2c9356ad6e468102c1e1afdc6981440b5b46d84f5ed91571994df777d39 provider=offline model=- prompt=bcd93ad4 review=edited
@control:codebuild-project-outputs-encrypted @service:codebuild @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:CodeBuild.3 @maps:NIST-800-53:SC-28
Feature: CodeBuild projects keep build artifacts and S3 logs encrypted
  No project may turn encryption off for what it writes to S3: neither its primary artifacts, nor any secondary artifacts, nor its S3 build logs may have encryptionDisabled set to true.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: artifacts are encrypted
    Then "BatchGetProjects.projects[0].arn" must be present
    And the expression "!contains(to_array(BatchGetProjects.projects[0].artifacts.encryptionDisabled), `true`)" must be true
    And the expression "!contains(BatchGetProjects.projects[0].secondaryArtifacts[].encryptionDisabled || `[]`, `true`)" must be true

  Scenario: S3 build logs are encrypted
    Then "BatchGetProjects.projects[0].arn" must be present
    And the expression "!contains(to_array(BatchGetProjects.projects[0].logsConfig.s3Logs.encryptionDisabled), `true`)" must be true
