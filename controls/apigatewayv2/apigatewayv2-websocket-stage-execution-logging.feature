# controlbot: request-sha256=2ab05bb477bffa84c1aa904a97ff00e3289b35b56f8e3db3fa12071d2a566b74 provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigatewayv2-websocket-stage-execution-logging @service:apigatewayv2 @severity:medium @category:logging @maps:AWS-FSBP:APIGateway.1 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: API Gateway WebSocket API stages log execution at ERROR or INFO level
  Every stage of a WebSocket API must have default route execution logging set to ERROR or INFO; OFF is not allowed. HTTP APIs are not concerned.

  Background:
    Given the resources listed by "apigatewayv2.GetApis" at "Items" identified by "ApiId"
    And each resource is enriched by "apigatewayv2.GetStages" with "ApiId" from "ApiId"

  Scenario: every WebSocket stage logs at ERROR or INFO
    When only resources where "ProtocolType" is not "HTTP"
    Then each element of "GetStages.Items[].DefaultRouteSettings.LoggingLevel", if any, must be one of ["ERROR", "INFO"]
