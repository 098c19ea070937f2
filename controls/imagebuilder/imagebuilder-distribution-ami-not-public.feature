# controlbot: request-sha256=aed9d692ce46fccef30d126f8eb1ba07bac089bbde0d64d45b44b4385f720eb1 provider=offline model=- prompt=bcd93ad4 review=edited
@control:imagebuilder-distribution-ami-not-public @service:imagebuilder @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: Image Builder distributions do not make AMIs public
  No distribution of a distribution configuration may grant launch permission on the AMIs it creates to the group "all"; images may only be shared with named accounts, organizations or organizational units.

  Background:
    Given the resources listed by "imagebuilder.ListDistributionConfigurations" at "distributionConfigurationSummaryList" identified by "arn"
    And each resource is enriched by "imagebuilder.GetDistributionConfiguration" with "distributionConfigurationArn" from "arn"

  Scenario: no distribution shares its AMIs with everyone
    Then "GetDistributionConfiguration.distributionConfiguration.distributions" must not be empty
    And the expression "!contains(GetDistributionConfiguration.distributionConfiguration.distributions[].amiDistributionConfiguration.launchPermission.userGroups[], 'all')" must be true
