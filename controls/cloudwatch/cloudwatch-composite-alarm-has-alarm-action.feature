# controlbot: request-sha256=d9437ec5f9df512194bc69045c7d4428d53e12ba74cb8042b792a320a1eadc3c provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudwatch-composite-alarm-has-alarm-action @service:cloudwatch @severity:medium @category:monitoring @maps:NIST-800-53:SI-4 @maps:NIST-800-53:IR-6
Feature: CloudWatch composite alarms have an enabled action for the ALARM state
  Every composite alarm must have its actions enabled and at least one action to run when it enters the ALARM state.

  Background:
    Given the resources listed by "cloudwatch.DescribeAlarms" at "CompositeAlarms" identified by "AlarmName" with "AlarmTypes" set to ["CompositeAlarm"]

  Scenario: alarm actions are enabled
    Then "ActionsEnabled" must be true

  Scenario: at least one action runs in the ALARM state
    Then "AlarmActions" must not be empty
