# controlbot: request-sha256=607b15e072f9fef54f12bfb687b20f9d985435d72f24613deb2fae2ea4f940c2 provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudwatch-alarm-has-alarm-action @service:cloudwatch @severity:medium @category:monitoring @maps:AWS-FSBP:CloudWatch.15 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:IR-6
Feature: CloudWatch metric alarms notify someone when they go into ALARM
  Every metric alarm must have at least one action (an SNS topic, an Auto Scaling policy, an EC2 action or a Systems Manager action) to run when it enters the ALARM state.

  Background:
    Given the resources listed by "cloudwatch.DescribeAlarms" at "MetricAlarms" identified by "AlarmName"

  Scenario: at least one action runs in the ALARM state
    Then "AlarmActions" must not be empty
