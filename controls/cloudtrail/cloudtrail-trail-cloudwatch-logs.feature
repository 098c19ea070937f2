# controlbot: request-sha256=ab2e616ec1bd4e9e9881ea060071c64dcbc888047e288d6836bbf533bff02e8b provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudtrail-trail-cloudwatch-logs @service:cloudtrail @severity:low @category:monitoring @maps:AWS-FSBP:CloudTrail.5 @maps:NIST-800-53:AU-6 @maps:NIST-800-53:SI-4
Feature: CloudTrail trails send their events to CloudWatch Logs
  Every trail must deliver its events to a CloudWatch Logs log group through an IAM role, so that metric filters and alarms can act on API activity.

  Background:
    Given the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"

  Scenario: the trail delivers to a CloudWatch Logs log group
    Then "CloudWatchLogsLogGroupArn" must be present
    And "CloudWatchLogsRoleArn" must be present
