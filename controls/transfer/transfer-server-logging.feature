# controlbot: request-sha256=46ea69ce72e1a8a560af9a8098bc28163b2492ca5c6a91f56d4fe5ecff98f58f provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:transfer-server-logging @service:transfer @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Transfer Family servers log user activity to CloudWatch
  Every server must log user activity to CloudWatch Logs, either through a logging role or through structured log destinations.

  Background:
    Given the resources listed by "transfer.ListServers" at "Servers" identified by "ServerId"
    And each resource is enriched by "transfer.DescribeServer" with "ServerId" from "ServerId"

  Scenario: the server logs to CloudWatch through a role or structured destinations
    Then the expression "DescribeServer.Server.LoggingRole != `null` || length(DescribeServer.Server.StructuredLogDestinations || `[]`) > `0`" must be true
