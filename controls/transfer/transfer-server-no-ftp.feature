# controlbot: request-sha256=6f387335bed8e706828a3c095c84c4616ef09eb5aaecf76bd713949e10f5c82d provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:transfer-server-no-ftp @service:transfer @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:Transfer.2 @maps:NIST-800-53:SC-8
Feature: Transfer Family servers do not offer plain FTP
  No server may accept the FTP protocol, which sends credentials and data unencrypted; only SFTP, FTPS and AS2 are allowed.

  Background:
    Given the resources listed by "transfer.ListServers" at "Servers" identified by "ServerId"
    And each resource is enriched by "transfer.DescribeServer" with "ServerId" from "ServerId"

  Scenario: plain FTP is not among the server's protocols
    Then "DescribeServer.Server.Protocols" must not be empty
    And "DescribeServer.Server.Protocols" must not contain "FTP"
