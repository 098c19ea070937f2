# controlbot: request-sha256=f285b72b71b38d68defe1c990b7fc9fd5111369bf7e4c9f3c2433237ac5e2382 provider=offline model=- prompt=bcd93ad4 review=edited
@control:macie2-session-enabled @service:macie2 @severity:medium @category:monitoring @maps:AWS-FSBP:Macie.1 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:RA-5
Feature: Amazon Macie is enabled and not paused in the region
  Amazon Macie must be enabled for the account in the region, with its status ENABLED rather than PAUSED.

  Background:
    Given the account setting read by "macie2.GetMacieSession"
    And the error "ResourceNotFoundException" from "macie2.GetMacieSession" means absent

  Scenario: Macie is enabled
    Then "GetMacieSession.status" must be "ENABLED"
