# controlbot: request-sha256=0f22dea89446e998ad0f7a50fb3a2f6b8c8a3d6fd907430821353d5747a9211c provider=offline model=- prompt=bcd93ad4 review=edited
@control:wafv2-web-acl-logging @service:wafv2 @severity:medium @category:logging @maps:AWS-FSBP:WAF.11 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: AWS WAF regional web ACLs have logging enabled
  Every regional web ACL must have a logging configuration that sends its logs to at least one destination.

  Background:
    Given the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "ARN" with "Scope" set to "REGIONAL"
    And each resource is enriched by "wafv2.GetLoggingConfiguration" with "ResourceArn" from "ARN"
    And the error "WAFNonexistentItemException" from "wafv2.GetLoggingConfiguration" means absent

  Scenario: logs are sent to a destination
    Then "GetLoggingConfiguration.LoggingConfiguration.LogDestinationConfigs" must not be empty
