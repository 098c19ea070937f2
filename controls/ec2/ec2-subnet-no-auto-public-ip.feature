# controlbot: request-sha256=25292765094ca36902ba7ea7d5e3d9cad3c89cae5d739df696cb9ae4ac1488ae provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-subnet-no-auto-public-ip @service:ec2 @severity:medium @category:public-access @maps:AWS-FSBP:EC2.15 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-3
Feature: Subnets do not give launched instances a public IPv4 address by default
  No subnet may automatically assign a public IPv4 address to the network interfaces launched in it (MapPublicIpOnLaunch must be false).

  Background:
    Given the resources listed by "ec2.DescribeSubnets" at "Subnets" identified by "SubnetId"

  Scenario: public IPv4 addresses are not assigned on launch
    Then "MapPublicIpOnLaunch" must be false
