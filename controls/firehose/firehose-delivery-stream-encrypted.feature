# controlbot: request-sha256=db7f88723dad7350cdbbcb6a290cb85904dd73743b124132ea4ec414b411ce3f provider=offline model=- prompt=bcd93ad4 review=edited
@control:firehose-delivery-stream-encrypted @service:firehose @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:DataFirehose.1 @maps:NIST-800-53:SC-28
Feature: Firehose streams encrypt the records they buffer
  Every Firehose stream that receives records directly (Direct PUT) must have server-side encryption enabled for the data it holds.

  Background:
    Given the resources listed by "firehose.ListDeliveryStreams" at "DeliveryStreamNames" identified by "@" with "Limit" set to 10000
    And each resource is enriched by "firehose.DescribeDeliveryStream" with "DeliveryStreamName" from "@"

  Scenario: server-side encryption is enabled
    When only resources where "DescribeDeliveryStream.DeliveryStreamDescription.DeliveryStreamType" is "DirectPut"
    Then "DescribeDeliveryStream.DeliveryStreamDescription.DeliveryStreamEncryptionConfiguration.Status" must be "ENABLED"
