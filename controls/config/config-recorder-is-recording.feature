# controlbot: request-sha256=f275bc4e30f98c0a6110eb0451d6c72000f92e54faa0c770d37a9140815daa57 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:config-recorder-is-recording @service:config @severity:medium @category:monitoring @maps:AWS-FSBP:Config.1 @maps:CIS-AWS-3.0:3.3 @maps:NIST-800-53:CM-8 @maps:NIST-800-53:CM-3
Feature: AWS Config is recording configuration changes in the region
  The account must have a configuration recorder in the region that is recording, and its last recording attempt must not have failed.

  Background:
    Given the account setting read by "config.DescribeConfigurationRecorderStatus"

  Scenario: a configuration recorder is recording
    Then at least one element of "DescribeConfigurationRecorderStatus.ConfigurationRecordersStatus[].recording" must be true

  Scenario: no recording recorder reports a failure
    Then each element of "DescribeConfigurationRecorderStatus.ConfigurationRecordersStatus[?recording].lastStatus", if any, must not be "Failure"
