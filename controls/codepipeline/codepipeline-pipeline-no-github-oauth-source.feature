# controlbot: request-sha256=c5b122470b4aef03eaff8c8f524d4e9ee6ec350f9158c6bc8484b5a3eb6f95c8 provider=offline model=- prompt=bcd93ad4 review=edited
@control:codepipeline-pipeline-no-github-oauth-source @service:codepipeline @severity:medium @category:authentication @maps:NIST-800-53:IA-5 @maps:NIST-800-53:IA-2
Feature: CodePipeline pipelines do not use the GitHub version 1 source action with an OAuth token
  No pipeline may contain a source action of owner ThirdParty and provider GitHub (the version 1 GitHub action, which stores a personal OAuth token in the pipeline); GitHub sources must go through a CodeConnections (CodeStarSourceConnection) action.

  Background:
    Given the resources listed by "codepipeline.ListPipelines" at "pipelines" identified by "name"
    And each resource is enriched by "codepipeline.GetPipeline" with "name" from "name"

  Scenario: no action is the GitHub version 1 action
    Then "GetPipeline.pipeline.stages" must not be empty
    And the expression "length(GetPipeline.pipeline.stages[].actions[] | [?actionTypeId.owner == 'ThirdParty' && actionTypeId.provider == 'GitHub']) == `0`" must be true
