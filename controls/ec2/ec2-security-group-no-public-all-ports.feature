# controlbot: request-sha256=9b5eb9ba3283939a5baf161154064369776e2e9eec97985488fa78f83c5d5e53 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ec2-security-group-no-public-all-ports @service:ec2 @severity:critical @category:network @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: Security groups do not open every port to the whole internet
  No security group may have an inbound rule that lets 0.0.0.0/0 or ::/0 in on all protocols (IpProtocol -1) or on the full TCP or UDP port range 0-65535.

  Background:
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"

  Scenario: no inbound rule opens every port to the internet
    Then the expression "length((IpPermissions || `[]`)[?(IpProtocol == '-1' || (FromPort <= `0` && ToPort >= `65535`)) && (contains(IpRanges[].CidrIp, '0.0.0.0/0') || contains(Ipv6Ranges[].CidrIpv6, '::/0'))]) == `0`" must be true
