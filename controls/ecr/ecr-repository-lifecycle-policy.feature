# controlbot: request-sha256=83855688f29a308ef52fedb29839d8b105065044c776121f4cfdc91f18fbf37a provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ecr-repository-lifecycle-policy @service:ecr @severity:low @category:other @maps:AWS-FSBP:ECR.3 @maps:NIST-800-53:CM-2 @maps:NIST-800-53:SI-12
Feature: ECR repositories have a lifecycle policy
  Every private repository must have a lifecycle policy, so that old and untagged images (and their unpatched vulnerabilities) are expired instead of staying available to pull.

  Background:
    Given the resources listed by "ecr.DescribeRepositories" at "repositories" identified by "repositoryName"
    And each resource is enriched by "ecr.GetLifecyclePolicy" with "repositoryName" from "repositoryName"
    And the error "LifecyclePolicyNotFoundException" from "ecr.GetLifecyclePolicy" means absent

  Scenario: a lifecycle policy is set
    Then "GetLifecyclePolicy.lifecyclePolicyText" must be present
