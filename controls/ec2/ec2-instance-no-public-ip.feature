# controlbot: request-sha256=b06fabbb3d44acc9327465a30e30a6683bf5a3251476a39f5f2ae730fb26fbcc provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-instance-no-public-ip @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.9 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: EC2 instances have no public IPv4 address
  Instances that are not terminated must not have a public IPv4 address; they are reached through load balancers, NAT or private connectivity instead.

  Background:
    Given the resources listed by "ec2.DescribeInstances" at "Reservations[].Instances[]" identified by "InstanceId"

  Scenario: the instance has no public IPv4 address
    When only resources where "State.Name" is one of ["pending", "running", "stopping", "stopped"]
    Then "PublicIpAddress" must be absent
    # secondary network interfaces can carry a public address of their own
    And "NetworkInterfaces[].Association.PublicIp" must be absent
