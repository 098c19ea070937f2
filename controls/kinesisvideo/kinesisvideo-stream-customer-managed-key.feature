# controlbot: request-sha256=85590f049aa74f480d89022f1384a4d443dec5d54b7e56d916370d5b3ea55124 provider=offline model=- prompt=bcd93ad4 review=edited
@control:kinesisvideo-stream-customer-managed-key @service:kinesisvideo @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Kinesis video streams encrypt media with a customer managed KMS key
  Every Kinesis video stream must encrypt its stored media with a customer managed KMS key instead of the AWS managed key aws/kinesisvideo.

  Background:
    Given the resources listed by "kinesisvideo.ListStreams" at "StreamInfoList" identified by "StreamName"

  Scenario: media is encrypted with a customer managed key
    When only resources where "Status" is not "DELETING"
    Then "KmsKeyId" must be present
    And the expression "!contains(KmsKeyId || '', 'alias/aws/kinesisvideo')" must be true
