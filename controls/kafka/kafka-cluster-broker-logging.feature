# controlbot: request-sha256=932b6ce0e856cb47318cffa9e05ee1db3e357d93409bec40b5579ab8dda22833 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:kafka-cluster-broker-logging @service:kafka @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: MSK clusters deliver their broker logs
  Every provisioned MSK cluster must deliver its broker logs to at least one destination: CloudWatch Logs, Kinesis Data Firehose or S3.

  Background:
    Given the resources listed by "kafka.ListClusters" at "ClusterInfoList" identified by "ClusterName"
    And each resource is enriched by "kafka.DescribeCluster" with "ClusterArn" from "ClusterArn"

  Scenario: broker logs are delivered to at least one destination
    Then the expression "DescribeCluster.ClusterInfo.LoggingInfo.BrokerLogs.CloudWatchLogs.Enabled == `true` || DescribeCluster.ClusterInfo.LoggingInfo.BrokerLogs.Firehose.Enabled == `true` || DescribeCluster.ClusterInfo.LoggingInfo.BrokerLogs.S3.Enabled == `true`" must be true
