# controlbot: request-sha256=489682001c814973b97015c35a3b974b88fc4ab4f67d459c61c9ad0be6b9f0e7 provider=offline model=- prompt=bcd93ad4 review=edited
@control:wafv2-web-acl-cloudwatch-metrics @service:wafv2 @severity:low @category:monitoring @maps:AWS-FSBP:WAF.12 @maps:NIST-800-53:SI-4 @maps:NIST-800-53:AU-12
Feature: AWS WAF regional web ACLs and their rules publish CloudWatch metrics
  Every regional web ACL, and every rule in it, must have CloudWatch metrics enabled in its visibility configuration.

  Background:
    Given the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "Name" with "Scope" set to "REGIONAL"
    And each resource is enriched by "wafv2.GetWebACL" with "Name" from "Name" and "Id" from "Id" and "Scope" set to "REGIONAL"

  Scenario: the web ACL publishes metrics
    Then "GetWebACL.WebACL.VisibilityConfig.CloudWatchMetricsEnabled" must be true

  Scenario: every rule publishes metrics
    Then each element of "GetWebACL.WebACL.Rules[].VisibilityConfig.CloudWatchMetricsEnabled", if any, must be true
