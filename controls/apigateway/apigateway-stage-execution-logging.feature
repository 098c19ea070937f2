# controlbot: request-sha256=46e1e7267d22415e22884cf11a345046158bbf227a09dccafe80a2ea1c7d5d7a provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigateway-stage-execution-logging @service:apigateway @severity:medium @category:logging @maps:AWS-FSBP:APIGateway.1 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: API Gateway REST API stages log execution at ERROR or INFO level
  Every stage of every REST API must have CloudWatch execution logging turned on for all methods, with the logging level ERROR or INFO; OFF is not allowed.

  Background:
    Given the resources listed by "apigateway.GetRestApis" at "items" identified by "id"
    And each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"

  Scenario: every stage logs all methods at ERROR or INFO
    Then each element of "GetStages.item[].methodSettings.\"*/*\".loggingLevel", if any, must be one of ["ERROR", "INFO"]
