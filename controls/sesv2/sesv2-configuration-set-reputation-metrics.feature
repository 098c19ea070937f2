# controlbot: request-sha256=7002ac0dfd2790b7780f847e322b7a604f9d69d6dfc4950a034623b1db45392d provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sesv2-configuration-set-reputation-metrics @service:sesv2 @severity:low @category:monitoring @maps:NIST-800-53:SI-4
Feature: SES configuration sets publish reputation metrics
  Every configuration set must have reputation metrics enabled so that bounce and complaint rates of the mail it sends are published to CloudWatch.

  Background:
    Given the resources listed by "sesv2.ListConfigurationSets" at "ConfigurationSets" identified by "@"
    And each resource is enriched by "sesv2.GetConfigurationSet" with "ConfigurationSetName" from "@"

  Scenario: reputation metrics are enabled
    Then "GetConfigurationSet.ReputationOptions.ReputationMetricsEnabled" must be true
