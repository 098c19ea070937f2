# controlbot: request-sha256=4d861d95638b09545fbb3c3e617c9169c043655068b0a73c58399332d72427f6 provider=human model=- prompt=-
@control:eks-cluster-control-plane-audit-logging @service:eks @severity:medium @category:logging
@maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: EKS clusters send API server audit and authenticator logs to CloudWatch
  The audit and authenticator log types must both be among the enabled control plane log types.

  Background:
    Given the resources listed by "eks.ListClusters" at "clusters" identified by "@"
    And each resource is enriched by "eks.DescribeCluster" with "name" from "@"

  Scenario: audit and authenticator logs are exported
    Then the expression "contains(DescribeCluster.cluster.logging.clusterLogging[?enabled].types[], 'audit')" must be true
    And the expression "contains(DescribeCluster.cluster.logging.clusterLogging[?enabled].types[], 'authenticator')" must be true
