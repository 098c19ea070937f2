# controlbot: request-sha256=28684415fe23a55322960aa9691fec85d7cc0e6bbe72ab8db18b74fd8004677f provider=offline model=- prompt=bcd93ad4 review=edited
@control:network-firewall-firewall-multi-az @service:network-firewall @severity:medium @category:other @maps:AWS-FSBP:NetworkFirewall.1 @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-5
Feature: Network Firewall firewalls have endpoints in at least two Availability Zones
  Every firewall must be deployed in at least two subnets (one firewall endpoint per Availability Zone), so that it keeps filtering when one zone fails.

  Background:
    Given the resources listed by "network-firewall.ListFirewalls" at "Firewalls" identified by "FirewallArn"
    And each resource is enriched by "network-firewall.DescribeFirewall" with "FirewallArn" from "FirewallArn"

  Scenario: endpoints are in at least two zones
    Then the expression "length(DescribeFirewall.Firewall.SubnetMappings || `[]`) >= `2` || length(DescribeFirewall.Firewall.AvailabilityZoneMappings || `[]`) >= `2`" must be true
