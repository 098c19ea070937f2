# controlbot: request-sha256=d9c90a90a318e70b078bae619c8e0a11c98984e07512352cddd03da2b5c51394 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:cloudwatch-alarm-actions-enabled @service:cloudwatch @severity:high @category:monitoring @maps:AWS-FSBP:CloudWatch.17 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:IR-6
Feature: CloudWatch metric alarm actions are switched on
  Every metric alarm must have its actions enabled, so that a state change really triggers the actions configured on it.

  Background:
    Given the resources listed by "cloudwatch.DescribeAlarms" at "MetricAlarms" identified by "AlarmName"

  Scenario: alarm actions are enabled
    Then "ActionsEnabled" must be true
