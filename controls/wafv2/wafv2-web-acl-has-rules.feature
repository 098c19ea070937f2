# controlbot: request-sha256=0c6d09b27b5845896da25e345a1375ce66c4c684526a413d8909f2bb2cb29245 provider=offline model=- prompt=bcd93ad4 review=edited
@control:wafv2-web-acl-has-rules @service:wafv2 @severity:medium @category:network @maps:AWS-FSBP:WAF.10 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:SI-4
Feature: AWS WAF regional web ACLs contain at least one rule
  Every regional web ACL must contain at least one rule or rule group, so that it inspects requests rather than only applying its default action.

  Background:
    Given the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "Name" with "Scope" set to "REGIONAL"
    And each resource is enriched by "wafv2.GetWebACL" with "Name" from "Name" and "Id" from "Id" and "Scope" set to "REGIONAL"

  Scenario: the web ACL has rules
    Then "GetWebACL.WebACL.Rules" must not be empty
