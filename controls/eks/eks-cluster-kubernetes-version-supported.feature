# controlbot: request-sha256=5a630ced7927548669248768fe46f5d231984a4c0ae0bbb9694f13f27d7e6d75 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:eks-cluster-kubernetes-version-supported @service:eks @severity:high @category:patching-runtime @maps:AWS-FSBP:EKS.2 @maps:NIST-800-53:SI-2
Feature: EKS clusters run a Kubernetes version that still gets security patches
  Every cluster must run a Kubernetes version that Amazon EKS still supports, in standard or extended support; a version that EKS reports as unsupported, or no longer lists at all, is not allowed.

  Background:
    Given the resources listed by "eks.ListClusters" at "clusters" identified by "@"
    And each resource is enriched by "eks.DescribeCluster" with "name" from "@"
    And each resource is enriched by "eks.DescribeClusterVersions" with "clusterVersions" from "DescribeCluster.cluster.version" and "includeAll" set to true

  Scenario: the Kubernetes version is in standard or extended support
    # a version EKS no longer lists leaves the path empty, which fails
    Then "DescribeClusterVersions.clusterVersions[0].versionStatus" must be one of ["STANDARD_SUPPORT", "EXTENDED_SUPPORT"]
