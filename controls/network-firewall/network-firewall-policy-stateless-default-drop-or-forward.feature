# controlbot: request-sha256=32559310528d605aa690274fe7550071394fec7b0883932c3a3dfe4c3ee9c5de provider=offline model=- prompt=bcd93ad4 review=edited
@control:network-firewall-policy-stateless-default-drop-or-forward @service:network-firewall @severity:medium @category:network @maps:AWS-FSBP:NetworkFirewall.4 @maps:AWS-FSBP:NetworkFirewall.5 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: Network Firewall policies never pass unmatched packets by default
  Every firewall policy's stateless default action for full packets must be aws:drop or aws:forward_to_sfe, and so must its stateless default action for fragmented packets; aws:pass is not allowed.

  Background:
    Given the resources listed by "network-firewall.ListFirewallPolicies" at "FirewallPolicies" identified by "Arn"
    And each resource is enriched by "network-firewall.DescribeFirewallPolicy" with "FirewallPolicyArn" from "Arn"

  Scenario: full packets that match no stateless rule are dropped or forwarded
    Then the expression "contains(DescribeFirewallPolicy.FirewallPolicy.StatelessDefaultActions, 'aws:drop') || contains(DescribeFirewallPolicy.FirewallPolicy.StatelessDefaultActions, 'aws:forward_to_sfe')" must be true

  Scenario: fragmented packets that match no stateless rule are dropped or forwarded
    Then the expression "contains(DescribeFirewallPolicy.FirewallPolicy.StatelessFragmentDefaultActions, 'aws:drop') || contains(DescribeFirewallPolicy.FirewallPolicy.StatelessFragmentDefaultActions, 'aws:forward_to_sfe')" must be true
