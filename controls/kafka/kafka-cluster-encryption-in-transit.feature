# controlbot: request-sha256=32a8b6850f02aba2cae57b0fd15d57c4dd929dd4c35bd5e4085d4a3d5247f3de provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:kafka-cluster-encryption-in-transit @service:kafka @severity:high @category:encryption-in-transit @maps:AWS-FSBP:MSK.1 @maps:NIST-800-53:SC-8
Feature: MSK clusters encrypt traffic between clients and brokers and among brokers
  Every provisioned MSK cluster must encrypt data in transit: client-to-broker traffic must use TLS only, and traffic between brokers inside the cluster must be encrypted.

  Background:
    Given the resources listed by "kafka.ListClusters" at "ClusterInfoList" identified by "ClusterName"
    And each resource is enriched by "kafka.DescribeCluster" with "ClusterArn" from "ClusterArn"

  Scenario: client and inter-broker traffic is encrypted
    Then "DescribeCluster.ClusterInfo.EncryptionInfo.EncryptionInTransit.ClientBroker" must be "TLS"
    And "DescribeCluster.ClusterInfo.EncryptionInfo.EncryptionInTransit.InCluster" must be true
