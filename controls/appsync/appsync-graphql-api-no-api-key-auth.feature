# controlbot: request-sha256=81f321b14fba0459ae8630656f4a98e291b963a83979ce956391f8283d6747e9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:appsync-graphql-api-no-api-key-auth @service:appsync @severity:high @category:authentication @maps:AWS-FSBP:AppSync.5 @maps:NIST-800-53:IA-2 @maps:NIST-800-53:IA-5
Feature: AppSync GraphQL APIs do not authenticate callers with API keys
  No GraphQL API may use API keys to authenticate callers, neither as its default authorization mode nor as an additional one; IAM, Cognito user pools, OpenID Connect or Lambda authorizers must be used instead.

  Background:
    Given the resources listed by "appsync.ListGraphqlApis" at "graphqlApis" identified by "apiId"

  Scenario: the default authorization mode is not an API key
    Then "authenticationType" must not be "API_KEY"

  Scenario: no additional authorization mode is an API key
    Then each element of "additionalAuthenticationProviders[].authenticationType", if any, must not be "API_KEY"
