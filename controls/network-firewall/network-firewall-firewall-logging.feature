# controlbot: request-sha256=53f08eafe90ac30e92193ee1802dab1e43f7be19f878e5c14542656e3f3122b2 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:network-firewall-firewall-logging @service:network-firewall @severity:medium @category:logging @maps:AWS-FSBP:NetworkFirewall.2 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Network Firewall firewalls log flows and alerts
  Every firewall must have a logging configuration with at least one log destination for FLOW logs and at least one for ALERT logs.

  Background:
    Given the resources listed by "network-firewall.ListFirewalls" at "Firewalls" identified by "FirewallArn"
    And each resource is enriched by "network-firewall.DescribeLoggingConfiguration" with "FirewallArn" from "FirewallArn"

  Scenario: flow and alert logs both have a destination
    Then "DescribeLoggingConfiguration.LoggingConfiguration.LogDestinationConfigs[].LogType" must contain "FLOW"
    And "DescribeLoggingConfiguration.LoggingConfiguration.LogDestinationConfigs[].LogType" must contain "ALERT"
