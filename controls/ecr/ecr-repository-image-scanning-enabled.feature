# controlbot: request-sha256=4eff772775dca2c572ddb9e41beb57c33b78237dd3b0b3c7e573931dbf510ee3 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ecr-repository-image-scanning-enabled @service:ecr @severity:high @category:patching-runtime @maps:AWS-FSBP:ECR.1 @maps:NIST-800-53:RA-5
Feature: ECR repositories scan images for vulnerabilities automatically
  Images pushed to every private repository must be scanned for vulnerabilities automatically: either the repository scans on push, or a registry scanning rule whose filter is the wildcard "*" scans on push or continuously.

  Background:
    Given the resources listed by "ecr.DescribeRepositories" at "repositories" identified by "repositoryArn"
    # the registry-wide rules, the same for every repository (called once per run)
    And each resource is enriched by "ecr.GetRegistryScanningConfiguration"

  Scenario: images are scanned on push or continuously
    # with ENHANCED scanning the registry rules decide alone: the repository's scanOnPush is then ignored
    Then the expression "(GetRegistryScanningConfiguration.scanningConfiguration.scanType != 'ENHANCED' && imageScanningConfiguration.scanOnPush == `true`) || contains(GetRegistryScanningConfiguration.scanningConfiguration.rules[?scanFrequency != 'MANUAL'].repositoryFilters[].filter || `[]`, '*')" must be true
