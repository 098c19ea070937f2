# controlbot: request-sha256=861df51d3191fde939334bb748097d41a454526a065fa0d0cf91bcd1c886ab25 provider=human model=- prompt=-
@control:kinesis-stream-kms-encryption @service:kinesis @severity:medium @category:encryption-at-rest
@maps:NIST-800-53:SC-28
Feature: Kinesis data streams encrypt records with KMS
  Server-side encryption with a KMS key must be on for every stream that is not being deleted.

  Background:
    Given the resources listed by "kinesis.ListStreams" at "StreamNames" identified by "@"
    And each resource is enriched by "kinesis.DescribeStreamSummary" with "StreamName" from "@"

  Scenario: records are encrypted with a KMS key
    When only resources where "DescribeStreamSummary.StreamDescriptionSummary.StreamStatus" is not "DELETING"
    Then "DescribeStreamSummary.StreamDescriptionSummary.EncryptionType" must be "KMS"
