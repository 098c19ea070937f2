# controlbot: request-sha256=c40b5a6790c4c4258f8fa08a9c2e82a6844001ba0ffa1cb785940811b7a7d530 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:storagegateway-gateway-cloudwatch-logging @service:storagegateway @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Storage Gateway gateways send their logs to CloudWatch Logs
  Every gateway must be associated with a CloudWatch Logs log group, so that its health and file access events are recorded.

  Background:
    Given the resources listed by "storagegateway.ListGateways" at "Gateways" identified by "GatewayARN"
    And each resource is enriched by "storagegateway.DescribeGatewayInformation" with "GatewayARN" from "GatewayARN"

  Scenario: the gateway has a CloudWatch log group
    Then "DescribeGatewayInformation.CloudWatchLogGroupARN" must be present
