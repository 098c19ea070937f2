# controlbot: request-sha256=463eafae60226e9bf963337db4e1550284f63c2bd0fc7d906a14b355d96ce055 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-client-vpn-endpoint-connection-logging @service:ec2 @severity:low @category:logging @maps:AWS-FSBP:EC2.51 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Client VPN endpoints log every client connection
  Every Client VPN endpoint must have client connection logging enabled, sending connection attempts and disconnections to a CloudWatch Logs log group.

  Background:
    Given the resources listed by "ec2.DescribeClientVpnEndpoints" at "ClientVpnEndpoints" identified by "ClientVpnEndpointId"

  Scenario: connection logging is on and names a log group
    When only resources where "Status.Code" is one of ["pending-associate", "available"]
    Then "ConnectionLogOptions.Enabled" must be true
    And "ConnectionLogOptions.CloudwatchLogGroup" must not be empty
