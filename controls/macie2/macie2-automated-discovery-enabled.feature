# controlbot: request-sha256=d5b022ef11d8d65334e8c82d23eef0d992b224ca4608def5322a52a966c4325f provider=offline model=- prompt=bcd93ad4 review=edited
@control:macie2-automated-discovery-enabled @service:macie2 @severity:medium @category:monitoring @maps:AWS-FSBP:Macie.2 @maps:NIST-800-53:RA-5 @maps:NIST-800-53:SI-4
Feature: Macie automated sensitive data discovery is turned on
  Automated sensitive data discovery must be enabled for the Macie account in the region.

  Background:
    Given the account setting read by "macie2.GetAutomatedDiscoveryConfiguration"
    And the error "ResourceNotFoundException" from "macie2.GetAutomatedDiscoveryConfiguration" means absent

  Scenario: automated sensitive data discovery is enabled
    Then "GetAutomatedDiscoveryConfiguration.status" must be "ENABLED"
