# controlbot: request-sha256=e52ebf3ef9ee7fc008410f8ce7c01fd4f0a3a833c41332faf6649fd0bc73c244 provider=offline model=- prompt=bcd93ad4 review=edited
@control:appsync-graphql-api-field-logging @service:appsync @severity:medium @category:logging @maps:AWS-FSBP:AppSync.2 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: AppSync GraphQL APIs log resolver activity to CloudWatch Logs
  Every GraphQL API must have field-level logging turned on at a level other than NONE (ERROR, INFO, DEBUG or ALL).

  Background:
    Given the resources listed by "appsync.ListGraphqlApis" at "graphqlApis" identified by "apiId"

  Scenario: field-level logging is turned on
    Then "logConfig.fieldLogLevel" must not be one of ["NONE"]
