# controlbot: request-sha256=645bfeb334ac100cb94b0eb11d35aeaf9d8d3f402887c506f457fc0dceda778c provider=offline model=- prompt=bcd93ad4 review=edited
@control:logs-log-group-retention-one-year @service:logs @severity:medium @category:logging @maps:AWS-FSBP:CloudWatch.16 @maps:NIST-800-53:AU-11
Feature: CloudWatch Logs log groups keep events for at least a year
  Every log group must retain its log events for at least 365 days; a log group set to never expire also complies.

  Background:
    Given the resources listed by "logs.DescribeLogGroups" at "logGroups" identified by "logGroupName"

  Scenario: events are kept for at least 365 days or never expire
    Then the expression "retentionInDays == `null` || retentionInDays >= `365`" must be true
