# controlbot: request-sha256=9666b5febc1dbe06d377f3b3285fead08cf46701e0eea9364c772064201963bd provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:kafka-cluster-public-access-disabled @service:kafka @severity:critical @category:public-access @maps:AWS-FSBP:MSK.4 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: MSK clusters do not expose their brokers publicly
  No provisioned MSK cluster may have public access turned on for its brokers; the public access type must be DISABLED.

  Background:
    Given the resources listed by "kafka.ListClusters" at "ClusterInfoList" identified by "ClusterName"
    And each resource is enriched by "kafka.DescribeCluster" with "ClusterArn" from "ClusterArn"

  Scenario: public access to the brokers is disabled
    Then the expression "(DescribeCluster.ClusterInfo.BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type || 'DISABLED') == 'DISABLED'" must be true
