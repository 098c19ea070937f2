# controlbot: request-sha256=e63ac04e095e5ae16f7dbc66a09fb2cf8226452c768cbe1c7b97bfcfee36e1e3 provider=offline model=- prompt=bcd93ad4 review=edited
@control:imagebuilder-infrastructure-configuration-imdsv2-required @service:imagebuilder @severity:high @category:other @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Image Builder build instances require IMDSv2
  Every infrastructure configuration must launch its build and test instances with the instance metadata service requiring session tokens (IMDSv2).

  Background:
    Given the resources listed by "imagebuilder.ListInfrastructureConfigurations" at "infrastructureConfigurationSummaryList" identified by "arn"
    And each resource is enriched by "imagebuilder.GetInfrastructureConfiguration" with "infrastructureConfigurationArn" from "arn"

  Scenario: IMDSv2 tokens are required on build instances
    Then "GetInfrastructureConfiguration.infrastructureConfiguration.instanceMetadataOptions.httpTokens" must be "required"
