# controlbot: request-sha256=ce1900ef0711efc8b69a33ee222bbb009c552c036440721806888edbf9810085 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ec2-vpn-connection-tunnels-up @service:ec2 @severity:medium @category:other @maps:AWS-FSBP:EC2.20 @maps:NIST-800-53:CP-8 @maps:NIST-800-53:SC-5
Feature: Both tunnels of each Site-to-Site VPN connection are up
  Every available Site-to-Site VPN connection must report the status UP for each of its tunnels, so that the connection keeps working if one tunnel fails.

  Background:
    Given the resources listed by "ec2.DescribeVpnConnections" at "VpnConnections" identified by "VpnConnectionId"

  Scenario: every tunnel is up
    When only resources where "State" is "available"
    Then "VgwTelemetry[].Status" must be "UP"
