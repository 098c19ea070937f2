# controlbot: request-sha256=82853c17a8da778d10caabad00373d9cbb4b8885e9697385991a20312dc002cf provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:transfer-server-security-policy @service:transfer @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: Transfer Family servers do not use the original 2018 security policy
  No server may use the security policy TransferSecurityPolicy-2018-11, the original default that still offers SHA-1 based key exchange and CBC ciphers; a later policy must be attached.

  Background:
    Given the resources listed by "transfer.ListServers" at "Servers" identified by "ServerId"
    And each resource is enriched by "transfer.DescribeServer" with "ServerId" from "ServerId"

  Scenario: the security policy is later than 2018-11
    Then "DescribeServer.Server.SecurityPolicyName" must be present
    And "DescribeServer.Server.SecurityPolicyName" must not be "TransferSecurityPolicy-2018-11"
