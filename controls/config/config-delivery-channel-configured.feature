# controlbot: request-sha256=6cb1eaafc054213e06e9bfce69fc6befc667403ca6bc4bd59918edc6a8c9d2b7 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:config-delivery-channel-configured @service:config @severity:medium @category:logging @maps:NIST-800-53:CM-2(3) @maps:NIST-800-53:CM-8
Feature: AWS Config delivers configuration history to S3 without errors
  The region must have an AWS Config delivery channel pointing at an S3 bucket, and no delivery channel may report FAILURE for its last configuration history delivery.

  Scenario: a delivery channel writes to an S3 bucket
    Given the account setting read by "config.DescribeDeliveryChannels"
    Then at least one element of "DescribeDeliveryChannels.DeliveryChannels[].s3BucketName" must be present

  Scenario: no delivery channel reports a failed history delivery
    Given the account setting read by "config.DescribeDeliveryChannelStatus"
    Then each element of "DescribeDeliveryChannelStatus.DeliveryChannelsStatus[].configHistoryDeliveryInfo.lastStatus", if any, must not be "Failure"
