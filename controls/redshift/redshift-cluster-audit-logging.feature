# controlbot: request-sha256=24f1083157fa65f742fd07fd1332774b48241ca548b9ec440ba48deaa3d52922 provider=offline model=- prompt=bcd93ad4 review=edited
@control:redshift-cluster-audit-logging @service:redshift @severity:medium @category:logging @maps:AWS-FSBP:Redshift.4 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Redshift clusters keep audit logs
  Every provisioned Redshift cluster must have audit logging enabled, delivering its connection, user and user activity logs to S3 or CloudWatch Logs.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"
    And each resource is enriched by "redshift.DescribeLoggingStatus" with "ClusterIdentifier" from "ClusterIdentifier"

  Scenario: audit logging is enabled
    Then "DescribeLoggingStatus.LoggingEnabled" must be true

  Scenario: CloudWatch Logs delivery exports all three audit logs
    When only resources where "DescribeLoggingStatus.LogDestinationType" is "cloudwatch"
    Then "DescribeLoggingStatus.LogExports" must contain "connectionlog"
    And "DescribeLoggingStatus.LogExports" must contain "userlog"
    And "DescribeLoggingStatus.LogExports" must contain "useractivitylog"
