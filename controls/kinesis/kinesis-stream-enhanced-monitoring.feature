# controlbot: request-sha256=b59d728aa1da222f9f17eeee181c9613fbd76222096a18c2a05c80b6e062f429 provider=offline model=- prompt=bcd93ad4 review=edited
@control:kinesis-stream-enhanced-monitoring @service:kinesis @severity:low @category:monitoring @maps:NIST-800-53:SI-4
Feature: Kinesis data streams publish shard-level metrics
  Every Kinesis data stream must have enhanced (shard-level) monitoring enabled for at least the IncomingRecords and ReadProvisionedThroughputExceeded metrics, so that traffic anomalies and throttling are visible per shard.

  Background:
    Given the resources listed by "kinesis.ListStreams" at "StreamSummaries" identified by "StreamName"
    And each resource is enriched by "kinesis.DescribeStreamSummary" with "StreamName" from "StreamName"
    And the error "ResourceNotFoundException" from "kinesis.DescribeStreamSummary" means absent

  Scenario: incoming-record and read-throttling metrics are published per shard
    When only resources where "DescribeStreamSummary.StreamDescriptionSummary.StreamStatus" is not "DELETING"
    Then the expression "contains(DescribeStreamSummary.StreamDescriptionSummary.EnhancedMonitoring[].ShardLevelMetrics[], 'ALL') || (contains(DescribeStreamSummary.StreamDescriptionSummary.EnhancedMonitoring[].ShardLevelMetrics[], 'IncomingRecords') && contains(DescribeStreamSummary.StreamDescriptionSummary.EnhancedMonitoring[].ShardLevelMetrics[], 'ReadProvisionedThroughputExceeded'))" must be true
