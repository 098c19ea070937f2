# controlbot: request-sha256=51a2aa45dbab0697b62e0413e86bfe8afb7b3c05bc016f1e8851d1419e2d02f7 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ssm-document-public-sharing-blocked @service:ssm @severity:medium @category:public-access @maps:AWS-FSBP:SSM.7 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: Public sharing of SSM documents is blocked for the account
  In each region, the account setting that blocks public sharing of Systems Manager documents must be on, so that no document can be made public.

  Background:
    Given the account setting read by "ssm.ListComplianceSummaries"
    And each resource is enriched by "ssm.GetServiceSetting" with "SettingId" set to "/ssm/documents/console/public-sharing-permission"

  Scenario: public sharing of documents is disabled
    Then "GetServiceSetting.ServiceSetting.SettingValue" must be "Disable"
