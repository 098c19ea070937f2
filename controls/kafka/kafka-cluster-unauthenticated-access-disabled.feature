# controlbot: request-sha256=d1bbe38dd2a1e9a2f95cdca47e46a4b4c5e5ebaa4780792820acbd888bcb803c provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:kafka-cluster-unauthenticated-access-disabled @service:kafka @severity:high @category:authentication @maps:AWS-FSBP:MSK.6 @maps:NIST-800-53:IA-2 @maps:NIST-800-53:AC-3
Feature: MSK clusters refuse unauthenticated clients
  Every provisioned MSK cluster must turn unauthenticated access off and authenticate clients with IAM, SASL/SCRAM or mutual TLS.

  Background:
    Given the resources listed by "kafka.ListClusters" at "ClusterInfoList" identified by "ClusterName"
    And each resource is enriched by "kafka.DescribeCluster" with "ClusterArn" from "ClusterArn"

  Scenario: unauthenticated access is off
    Then the expression "DescribeCluster.ClusterInfo.ClientAuthentication.Unauthenticated.Enabled != `true`" must be true

  Scenario: clients authenticate with IAM, SASL/SCRAM or mutual TLS
    Then the expression "DescribeCluster.ClusterInfo.ClientAuthentication.Sasl.Iam.Enabled == `true` || DescribeCluster.ClusterInfo.ClientAuthentication.Sasl.Scram.Enabled == `true` || DescribeCluster.ClusterInfo.ClientAuthentication.Tls.Enabled == `true`" must be true
