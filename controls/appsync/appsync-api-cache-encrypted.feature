# controlbot: request-sha256=db9b64a459670d864b19c26c1d63c42010c38ad99ad774552b9497c4ab99ac03 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:appsync-api-cache-encrypted @service:appsync @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:AppSync.6 @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-8
Feature: AppSync API caches encrypt data at rest and in transit
  Requirement: When a GraphQL API has a server-side cache, the cache must encrypt data at rest and encrypt data in transit between the API and the cache.

  Background:
    Given the resources listed by "appsync.ListGraphqlApis" at "graphqlApis" identified by "apiId"
    And each resource is enriched by "appsync.GetApiCache" with "apiId" from "apiId"
    And the error "NotFoundException" from "appsync.GetApiCache" means absent

  Scenario: the cache encrypts data at rest
    When only resources where "GetApiCache.apiCache" is present
    Then "GetApiCache.apiCache.atRestEncryptionEnabled" must be true

  Scenario: the cache encrypts data in transit
    When only resources where "GetApiCache.apiCache" is present
    Then "GetApiCache.apiCache.transitEncryptionEnabled" must be true
