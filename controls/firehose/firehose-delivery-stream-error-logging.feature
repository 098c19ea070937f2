# controlbot: request-sha256=febf6c16d808c9b547bbf492a3bd233fa7594530af7a933be38f21d029fbe560 provider=offline model=- prompt=bcd93ad4 review=edited
@control:firehose-delivery-stream-error-logging @service:firehose @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:SI-4
Feature: Firehose streams log delivery errors to CloudWatch Logs
  Every destination of every Firehose stream must have CloudWatch error logging enabled, so that failed deliveries are recorded.

  Background:
    Given the resources listed by "firehose.ListDeliveryStreams" at "DeliveryStreamNames" identified by "@" with "Limit" set to 10000
    And each resource is enriched by "firehose.DescribeDeliveryStream" with "DeliveryStreamName" from "@"

  Scenario: every destination logs delivery errors
    Then "DescribeDeliveryStream.DeliveryStreamDescription.Destinations[].*[] | [?type(@) == 'object'].CloudWatchLoggingOptions.Enabled" must be true
