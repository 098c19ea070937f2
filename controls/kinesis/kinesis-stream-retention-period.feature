# controlbot: request-sha256=bd224d940981fc2a72bedeff7b2818c6754e7d73264f7d8e5af266d459ae3d40 provider=offline model=- prompt=bcd93ad4 review=edited
@control:kinesis-stream-retention-period @service:kinesis @severity:medium @category:backup-recovery @maps:AWS-FSBP:Kinesis.3 @maps:NIST-800-53:CP-9
Feature: Kinesis data streams keep records for at least seven days
  Every Kinesis data stream must retain its records for at least 7 days, so that consumers can recover from outages without losing data.

  Background:
    Given the resources listed by "kinesis.ListStreams" at "StreamSummaries" identified by "StreamName"
    And each resource is enriched by "kinesis.DescribeStreamSummary" with "StreamName" from "StreamName"
    And the error "ResourceNotFoundException" from "kinesis.DescribeStreamSummary" means absent

  Scenario: records are kept for at least seven days
    When only resources where "DescribeStreamSummary.StreamDescriptionSummary.StreamStatus" is not "DELETING"
    Then "DescribeStreamSummary.StreamDescriptionSummary.RetentionPeriodHours" must be at least 168
