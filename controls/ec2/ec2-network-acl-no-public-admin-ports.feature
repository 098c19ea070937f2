# controlbot: request-sha256=eb0ca55d571a5ae5fe65157dd449777140a6b5f19c25c0fe14f3318ba54e2339 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ec2-network-acl-no-public-admin-ports @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.21 @maps:CIS-AWS-3.0:5.1 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-17
Feature: Network ACLs do not allow SSH or RDP in from the whole internet
  No network ACL may have an inbound allow entry for 0.0.0.0/0 or ::/0 that covers port 22 or port 3389, whether on TCP, UDP or all protocols.

  Background:
    Given the resources listed by "ec2.DescribeNetworkAcls" at "NetworkAcls" identified by "NetworkAclId"

  Scenario: no inbound allow entry opens port 22 or 3389 to the internet
    Then the expression "length((Entries || `[]`)[?Egress == `false` && RuleAction == 'allow' && (CidrBlock == '0.0.0.0/0' || Ipv6CidrBlock == '::/0') && (Protocol == '-1' || (contains(['6', '17'], Protocol) && ((PortRange.From <= `22` && PortRange.To >= `22`) || (PortRange.From <= `3389` && PortRange.To >= `3389`))))]) == `0`" must be true
