# controlbot: request-sha256=66dddebb8c5c61b84694645ec26e24362e0de07a16fb1fe173c11141cb4060f0 provider=offline model=- prompt=bcd93ad4 review=edited
@control:transfer-server-endpoint-not-public @service:transfer @severity:medium @category:network @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: Transfer Family servers are reached through a VPC endpoint
  No server may use the PUBLIC endpoint type; each must be hosted in a VPC (endpoint type VPC or VPC_ENDPOINT) so that security groups control who can reach it.

  Background:
    Given the resources listed by "transfer.ListServers" at "Servers" identified by "ServerId"

  Scenario: the server endpoint is in a VPC
    Then "EndpointType" must be present
    And "EndpointType" must not be "PUBLIC"
