# controlbot: request-sha256=4aa2e73d417b846c067980480d29eab5cceb2defb59dde7492b742872cad7e1b provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-security-group-no-public-ssh @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.13 @maps:CIS-AWS-3.0:5.2 @maps:CIS-AWS-3.0:5.3 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-17
Feature: Security groups do not admit SSH from the whole internet
  No security group may have an inbound rule that lets 0.0.0.0/0 or ::/0 reach TCP port 22, whether the rule names port 22 alone, a port range that includes it, or all protocols.

  Background:
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"

  Scenario: no inbound rule opens TCP port 22 to the internet
    Then the expression "length((IpPermissions || `[]`)[?(IpProtocol == '-1' || (contains(['tcp', '6'], IpProtocol) && FromPort <= `22` && ToPort >= `22`)) && (contains(IpRanges[].CidrIp, '0.0.0.0/0') || contains(Ipv6Ranges[].CidrIpv6, '::/0'))]) == `0`" must be true
