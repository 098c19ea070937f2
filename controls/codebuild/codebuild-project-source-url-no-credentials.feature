# controlbot: request-sha256=8e467018d249dbc02b91a44f30e8f10cda5a87533246972470bbabdbf06e1be6 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:codebuild-project-source-url-no-credentials @service:codebuild @severity:critical @category:authentication @maps:AWS-FSBP:CodeBuild.1 @maps:NIST-800-53:IA-5(7)
Feature: CodeBuild source repository URLs carry no credentials
  The source location of a project, and of each of its secondary sources, must not embed a user name, password or personal access token in the URL (as in https://user:token@host/...); repositories are reached through OAuth or CodeConnections instead.

  Background:
    Given the resources listed by "codebuild.ListProjects" at "projects" identified by "@"
    And each resource is enriched by "codebuild.BatchGetProjects" with "names" from "@"

  Scenario: source URLs have no user information
    Then "BatchGetProjects.projects[0].arn" must be present
    # An expression, not "each element .. must match": a FAIL would print the failing URL, token included.
    # JMESPath has no regex, so any "@" in a URL with a scheme counts (rare false positives are reviewed by hand).
    And the expression "length(BatchGetProjects.projects[0].[source, secondarySources[]] | [] | [?location] | [?contains(location, '://') && contains(location, '@')]) == `0`" must be true
