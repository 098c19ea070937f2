# controlbot: request-sha256=191dbde72219dc490aea99e741bc035a1b5c24a87a5ce2ea2d25983652a919f2 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ds-directory-log-forwarding @service:ds @severity:medium @category:logging @maps:NIST-800-53:AU-6 @maps:NIST-800-53:AU-12
Feature: Managed Microsoft AD directories forward their security logs to CloudWatch Logs
  Every AWS Managed Microsoft AD directory must have a log subscription that forwards its domain controller security event logs to a CloudWatch Logs log group.

  Background:
    Given the resources listed by "ds.DescribeDirectories" at "DirectoryDescriptions" identified by "DirectoryId"
    And each resource is enriched by "ds.ListLogSubscriptions" with "DirectoryId" from "DirectoryId"

  Scenario: security logs are forwarded to CloudWatch Logs
    When only resources where "Type" is "MicrosoftAD"
    Then "ListLogSubscriptions.LogSubscriptions[].LogGroupName" must be present
