# controlbot: request-sha256=9b768503dac213fc5ea90ccedf051a78ef4a1bcec481459f6bacf5232c7953e5 provider=human model=- prompt=-
@control:eks-cluster-public-endpoint-restricted @service:eks @severity:high @category:network
@maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-17
Feature: Public EKS API endpoints are not open to the whole internet
  A cluster whose API endpoint is public must restrict it to listed CIDR blocks other than 0.0.0.0/0.

  Background:
    Given the resources listed by "eks.ListClusters" at "clusters" identified by "@"
    And each resource is enriched by "eks.DescribeCluster" with "name" from "@"

  Scenario: the public endpoint only admits listed networks
    When only resources where "DescribeCluster.cluster.resourcesVpcConfig.endpointPublicAccess" is true
    Then "DescribeCluster.cluster.resourcesVpcConfig.publicAccessCidrs" must not contain "0.0.0.0/0"
