# controlbot: request-sha256=b9760b8c861d50b4ae429591fa254b0ebfe3cc3d35e0ed06588fa4486cd0915a provider=offline model=- prompt=bcd93ad4 review=edited
@control:guardduty-detector-enabled @service:guardduty @severity:high @category:monitoring @maps:AWS-FSBP:GuardDuty.1 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:CA-7
Feature: GuardDuty is turned on in the region
  The account must have a GuardDuty detector in the region, and every detector must be enabled rather than suspended.

  Scenario: the region has a GuardDuty detector
    Given the account setting read by "guardduty.ListDetectors"
    Then "ListDetectors.DetectorIds" must not be empty

  Scenario: the detector is enabled
    Given the resources listed by "guardduty.ListDetectors" at "DetectorIds" identified by "@"
    And each resource is enriched by "guardduty.GetDetector" with "DetectorId" from "@"
    Then "GetDetector.Status" must be "ENABLED"
