# controlbot: request-sha256=e11263a2dba3a68f9eb0311f064b00b08f12afe17c6614bd1ec0047dec79a9ec provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-root-user-no-access-keys @service:iam @severity:critical @category:authentication @maps:AWS-FSBP:IAM.4 @maps:CIS-AWS-3.0:1.4 @maps:NIST-800-53:AC-6(2)
Feature: The root user has no access keys
  The root user of the account must not have any access key, active or inactive.

  Background:
    Given the account setting read by "iam.GetAccountSummary"

  Scenario: the root user has no access key
    Then "GetAccountSummary.SummaryMap.AccountAccessKeysPresent" must be 0
