# controlbot: request-sha256=9dd3df2a10691c0231282c4f58bac40fe7cebc44245fcb3517b46633771386bb provider=offline model=- prompt=bcd93ad4 review=edited
@control:codecommit-repository-push-notifications @service:codecommit @severity:low @category:monitoring @maps:NIST-800-53:CM-3 @maps:NIST-800-53:AU-12
Feature: CodeCommit repositories notify on pushes through a trigger
  Every repository must have at least one trigger sending repository events (pushes, branch or tag creation and deletion) to an SNS topic or a Lambda function, so that changes to the code are seen.

  Background:
    Given the resources listed by "codecommit.ListRepositories" at "repositories" identified by "repositoryName"
    And each resource is enriched by "codecommit.GetRepositoryTriggers" with "repositoryName" from "repositoryName"

  Scenario: at least one trigger is configured
    Then "GetRepositoryTriggers.triggers" must not be empty
