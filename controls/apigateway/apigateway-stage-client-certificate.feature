# controlbot: request-sha256=7486293f62cbb1cb04cace1fc5f134e07f76543f052fa61e9ffd577fba2d4ba3 provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigateway-stage-client-certificate @service:apigateway @severity:medium @category:authentication @maps:AWS-FSBP:APIGateway.2 @maps:NIST-800-53:IA-3 @maps:NIST-800-53:SC-8
Feature: API Gateway REST API stages authenticate to their backend with a client certificate
  Every stage of every REST API must have an API Gateway client certificate configured, so that the backend can verify that requests come from API Gateway.

  Background:
    Given the resources listed by "apigateway.GetRestApis" at "items" identified by "id"
    And each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"

  Scenario: every stage presents a client certificate to the backend
    Then each element of "GetStages.item[].clientCertificateId", if any, must not be empty
