# controlbot: request-sha256=1fab17989f59f7682a8a89d646104313d983dcc01ba181e3b49f8aab6fd56e96 provider=offline model=- prompt=bcd93ad4 review=edited
@control:guardduty-detector-s3-protection @service:guardduty @severity:high @category:monitoring @maps:AWS-FSBP:GuardDuty.10 @maps:NIST-800-53:SI-4
Feature: GuardDuty S3 Protection is turned on
  Every enabled GuardDuty detector must have S3 Protection (the S3_DATA_EVENTS feature) enabled, so that object-level S3 activity is analysed.

  Background:
    Given the resources listed by "guardduty.ListDetectors" at "DetectorIds" identified by "@"
    And each resource is enriched by "guardduty.GetDetector" with "DetectorId" from "@"

  Scenario: S3 Protection is enabled
    When only resources where "GetDetector.Status" is "ENABLED"
    Then at least one element of "GetDetector.Features[?Name=='S3_DATA_EVENTS'].Status" must be "ENABLED"
