# controlbot: request-sha256=51e390a4a70a8ae514245b4c1e22398cc39a00c78e8b21e398b6ea04b5f1d8be provider=offline model=- prompt=bcd93ad4 review=edited
@control:codebuild-project-privileged-mode-disabled @service:codebuild @severity:high @category:other @maps:AWS-FSBP:CodeBuild.5 @maps:NIST-800-53:AC-6
Feature: CodeBuild projects do not run builds in privileged mode
  The build environment of every project must have privileged mode turned off; it is only needed to build Docker images and then gives the build root access to the host's Docker daemon.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: privileged mode is off
    # a project that BatchGetProjects no longer finds has no value here and fails rather than passes
    Then "BatchGetProjects.projects[0].environment.privilegedMode" must be false
