# controlbot: request-sha256=2d612430b937e5c1035f2ff8deb647b1681a4359895c8b2b6de70eb217cc546b provider=offline model=- prompt=bcd93ad4 review=edited
@control:athena-workgroup-cloudwatch-metrics @service:athena @severity:low @category:monitoring @maps:NIST-800-53:AU-12 @maps:NIST-800-53:SI-4
Feature: Athena workgroups publish query metrics to CloudWatch
  Every enabled Athena workgroup must publish its query metrics to Amazon CloudWatch, so that query activity can be monitored.

  Background:
    Given the resources listed by "athena.ListWorkGroups" at "WorkGroups" identified by "Name"
    And each resource is enriched by "athena.GetWorkGroup" with "WorkGroup" from "Name"

  Scenario: query metrics are published to CloudWatch
    When only resources where "State" is "ENABLED"
    Then "GetWorkGroup.WorkGroup.Configuration.PublishCloudWatchMetricsEnabled" must be true
