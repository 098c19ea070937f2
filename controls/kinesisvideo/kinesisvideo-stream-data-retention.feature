# controlbot: request-sha256=30df6e9e680a32c7c245243ef792644d40949bd974f9b85ae7187bd805bafff9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:kinesisvideo-stream-data-retention @service:kinesisvideo @severity:low @category:backup-recovery @maps:NIST-800-53:SI-12
Feature: Kinesis video streams keep their media for at least a day
  Every Kinesis video stream must retain its media for at least 24 hours, so that footage is still available when an incident is reviewed.

  Background:
    Given the resources listed by "kinesisvideo.ListStreams" at "StreamInfoList" identified by "StreamName"

  Scenario: media is kept for at least 24 hours
    When only resources where "Status" is not "DELETING"
    Then "DataRetentionInHours" must be at least 24
