# controlbot: request-sha256=1593db1fc7d02fc53cb0d05f5a23d0443c357c0ce8121969bfff8100f1a8e547 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ec2-security-group-default-restricts-all @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.2 @maps:CIS-AWS-3.0:5.4 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: The default security group of every VPC allows no traffic
  The security group named "default" in each VPC must have no inbound rules and no outbound rules, so that nothing placed in it by accident can communicate.

  Background:
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"

  Scenario: the default security group has no inbound rules
    When only resources where "GroupName" is "default"
    Then the expression "length(IpPermissions || `[]`) == `0`" must be true

  Scenario: the default security group has no outbound rules
    When only resources where "GroupName" is "default"
    Then the expression "length(IpPermissionsEgress || `[]`) == `0`" must be true
