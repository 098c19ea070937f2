# controlbot: request-sha256=eef2bf42fbe559e56f84fb8592ca27af61ab4eb4fd34b5e30ec92dc3d8f171d8 provider=human model=- prompt=-
@control:ecr-repository-tag-immutability @service:ecr @severity:medium @category:other
@maps:NIST-800-53:CM-14
Feature: ECR repositories do not let image tags be overwritten
  Each repository must make its image tags immutable, with or without reviewed exclusions.

  Background:
    Given the resources listed by "ecr.DescribeRepositories" at "repositories" identified by "repositoryArn"

  Scenario: image tags are immutable
    Then "imageTagMutability" must be one of ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"]
