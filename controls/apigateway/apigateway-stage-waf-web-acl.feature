# controlbot: request-sha256=3633d9469108f433945cd04e172150cc36f369c8bc4a00647a7e319772d210ac provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigateway-stage-waf-web-acl @service:apigateway @severity:medium @category:network @maps:AWS-FSBP:APIGateway.4 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:SI-4
Feature: API Gateway REST API stages are protected by an AWS WAF web ACL
  Every stage of every REST API must be associated with an AWS WAF web ACL.

  Background:
    Given the resources listed by "apigateway.GetRestApis" at "items" identified by "id"
    And each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"

  Scenario: every stage has a web ACL
    Then each element of "GetStages.item[].webAclArn", if any, must not be empty
