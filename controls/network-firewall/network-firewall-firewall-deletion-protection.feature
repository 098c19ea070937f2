# controlbot: request-sha256=e23db0b2db55daa167b291f9ec2a08722b3070a9f85fa735a7ccc82fca7336a0 provider=offline model=- prompt=bcd93ad4 review=edited
@control:network-firewall-firewall-deletion-protection @service:network-firewall @severity:medium @category:deletion-protection @maps:AWS-FSBP:NetworkFirewall.9 @maps:NIST-800-53:CM-3 @maps:NIST-800-53:SC-7
Feature: Network Firewall firewalls are protected from deletion
  Every firewall must have deletion protection enabled (DeleteProtection is true).

  Background:
    Given the resources listed by "network-firewall.ListFirewalls" at "Firewalls" identified by "FirewallArn"
    And each resource is enriched by "network-firewall.DescribeFirewall" with "FirewallArn" from "FirewallArn"

  Scenario: deletion protection is on
    Then "DescribeFirewall.Firewall.DeleteProtection" must be true
