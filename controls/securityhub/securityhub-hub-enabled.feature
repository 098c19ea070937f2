# controlbot: request-sha256=5e519f87afa8bfefbdfb83392ae80887535ca78bcd7b6b5c88f5d7dca21eeacc provider=offline model=- prompt=bcd93ad4 review=edited
@control:securityhub-hub-enabled @service:securityhub @severity:medium @category:monitoring @maps:NIST-800-53:CA-7 @maps:NIST-800-53:SI-4
Feature: Security Hub is turned on in the region
  The account must be subscribed to AWS Security Hub in the region.

  Background:
    Given the account setting read by "securityhub.DescribeHub"
    And the error "InvalidAccessException" from "securityhub.DescribeHub" means absent

  Scenario: the account is subscribed to Security Hub
    Then "DescribeHub.HubArn" must be present
