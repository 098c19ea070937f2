# controlbot: request-sha256=1b1c85deb66fc495d0aaaff934b6828ba8b6781e0badee39a10f759aa92e8d23 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:redshift-cluster-require-ssl @service:redshift @severity:high @category:encryption-in-transit @maps:AWS-FSBP:Redshift.2 @maps:NIST-800-53:SC-8
Feature: Redshift clusters accept only SSL connections
  Every provisioned Redshift cluster must refuse unencrypted client connections: the parameter group it uses must set require_ssl to true.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"
    And each resource is enriched by "redshift.DescribeClusterParameters" with "ParameterGroupName" from "ClusterParameterGroups[0].ParameterGroupName"

  Scenario: the cluster's parameter group requires SSL
    Then "DescribeClusterParameters.Parameters[?ParameterName=='require_ssl'].ParameterValue | [0]" must be "true"
