# controlbot: request-sha256=58899b7ab95f61713f2db4ce5bdaca08b067a617a228d70483115db343076137 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:transfer-connector-logging @service:transfer @severity:medium @category:logging @maps:AWS-FSBP:Transfer.3 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Transfer Family connectors log their transfers
  Every AS2 or SFTP connector must have a logging role so that its file transfers are logged to CloudWatch Logs.

  Background:
    Given the resources listed by "transfer.ListConnectors" at "Connectors" identified by "ConnectorId"
    And each resource is enriched by "transfer.DescribeConnector" with "ConnectorId" from "ConnectorId"

  Scenario: the connector has a logging role
    Then "DescribeConnector.Connector.LoggingRole" must be present
