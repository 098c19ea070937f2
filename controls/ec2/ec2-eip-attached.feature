# controlbot: request-sha256=e22b3533c967a83e99dd8d757661d911626e782d4bdcb6b852a4440fb7b7ef19 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ec2-eip-attached @service:ec2 @severity:low @category:other @maps:AWS-FSBP:EC2.12 @maps:NIST-800-53:CM-8
Feature: Elastic IP addresses are attached to a resource
  Every Elastic IP address allocated in the account must be associated with an instance or a network interface; an unattached address must be released.

  Background:
    Given the resources listed by "ec2.DescribeAddresses" at "Addresses" identified by "AllocationId"

  Scenario: the address is associated
    Then "AssociationId" must be present
