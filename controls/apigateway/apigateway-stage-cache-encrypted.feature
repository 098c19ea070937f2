# controlbot: request-sha256=2a1b689a29468e794ab4d279eb41349e558f05aefa296edd7e36f416987bc36b provider=offline model=- prompt=bcd93ad4 review=accepted
@control:apigateway-stage-cache-encrypted @service:apigateway @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:APIGateway.5 @maps:NIST-800-53:SC-28
Feature: API Gateway REST API stages encrypt their response cache
  Where a stage caches responses, its cached data must be encrypted at rest.

  Background:
    Given the resources listed by "apigateway.GetRestApis" at "items" identified by "id"
    And each resource is enriched by "apigateway.GetStages" with "restApiId" from "id"

  Scenario: cached responses are encrypted
    Then each element of "GetStages.item[].methodSettings.*[] | [?cachingEnabled].cacheDataEncrypted", if any, must be true
