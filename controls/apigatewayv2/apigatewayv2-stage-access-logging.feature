# controlbot: request-sha256=1518691d8714122cd44d2f0e3fb5a868d0fee9afbc81ceb499b142cd9cd3b75f provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigatewayv2-stage-access-logging @service:apigatewayv2 @severity:medium @category:logging @maps:AWS-FSBP:APIGateway.9 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: API Gateway HTTP and WebSocket API stages write access logs
  Every stage of every HTTP or WebSocket API must have access logging configured with a destination log group and a log format.

  Background:
    Given the resources listed by "apigatewayv2.GetApis" at "Items" identified by "ApiId"
    And each resource is enriched by "apigatewayv2.GetStages" with "ApiId" from "ApiId"

  Scenario: every stage sends access logs in a set format
    Then each element of "GetStages.Items[].AccessLogSettings.DestinationArn", if any, must not be empty
    And each element of "GetStages.Items[].AccessLogSettings.Format", if any, must not be empty
