# controlbot: request-sha256=47f0193df114b35f01555481909ff8c5f4da6631441fb0b0e38b23433ced16d8 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ecs-cluster-container-insights-enabled @service:ecs @severity:low @category:monitoring @maps:AWS-FSBP:ECS.12 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:AU-12
Feature: ECS clusters collect metrics and logs with Container Insights
  Every cluster must have the containerInsights setting enabled, or enhanced.

  Background:
    Given the resources listed by "ecs.ListClusters" at "clusterArns" identified by "@"
    And each resource is enriched by "ecs.DescribeClusters" with "clusters" from "@" and "include" set to ["SETTINGS"]

  Scenario: Container Insights is enabled
    Then "DescribeClusters.clusters[].settings[?name=='containerInsights'].value | [] | [0]" must be one of ["enabled", "enhanced"]
