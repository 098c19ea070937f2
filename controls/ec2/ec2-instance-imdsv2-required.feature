# controlbot: request-sha256=033a65c4781156333f57b9114c8a8055c266a3dea092ee353d500d440414d7c3 provider=human model=- prompt=-
@control:ec2-instance-imdsv2-required @service:ec2 @severity:high @category:other
@maps:CIS-AWS-3.0:5.6
Feature: EC2 instances only answer metadata requests that carry a session token
  Instances that are not terminated must require IMDSv2 tokens on the instance metadata service.

  Background:
    Given the resources listed by "ec2.DescribeInstances" at "Reservations[].Instances[]" identified by "InstanceId"

  Scenario: IMDSv2 tokens are required
    When only resources where "State.Name" is one of ["pending", "running", "stopping", "stopped"]
    Then "MetadataOptions.HttpTokens" must be "required"
