# controlbot: request-sha256=5d109ead97959c37c410e9c75aff573f418f565d3f1d24a22f8dd16c2063d286 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:codecommit-repository-approval-rule-template @service:codecommit @severity:medium @category:other @maps:NIST-800-53:CM-3 @maps:NIST-800-53:CM-5
Feature: CodeCommit repositories require pull request approvals through a template
  Every repository must be associated with at least one approval rule template, so that pull requests need reviewer approval before they can be merged.

  Background:
    Given the resources listed by "codecommit.ListRepositories" at "repositories" identified by "repositoryName"
    And each resource is enriched by "codecommit.ListAssociatedApprovalRuleTemplatesForRepository" with "repositoryName" from "repositoryName"

  Scenario: an approval rule template is associated
    Then "ListAssociatedApprovalRuleTemplatesForRepository.approvalRuleTemplateNames" must not be empty
