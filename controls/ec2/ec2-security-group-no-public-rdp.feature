# controlbot: request-sha256=4a22e3ab7a43c5fa03d152834bd07a9d11976c3777acd8074cfacb2424271436 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-security-group-no-public-rdp @service:ec2 @severity:high @category:network @maps:CIS-AWS-3.0:5.2 @maps:CIS-AWS-3.0:5.3 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-17
Feature: Security groups do not admit RDP from the whole internet
  No security group may have an inbound rule that lets 0.0.0.0/0 or ::/0 reach TCP port 3389, whether the rule names port 3389 alone, a port range that includes it, or all protocols.

  Background:
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"

  Scenario: no inbound rule opens TCP port 3389 to the internet
    Then the expression "length((IpPermissions || `[]`)[?(IpProtocol == '-1' || (contains(['tcp', '6'], IpProtocol) && FromPort <= `3389` && ToPort >= `3389`)) && (contains(IpRanges[].CidrIp, '0.0.0.0/0') || contains(Ipv6Ranges[].CidrIpv6, '::/0'))]) == `0`" must be true
