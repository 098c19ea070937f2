# controlbot: request-sha256=e57c4bc1ad68837add5e9a4965d1fd334e8aa5b7a052508983917e7af5fd1543 provider=offline model=- prompt=bcd93ad4 review=edited
@control:lambda-function-environment-kms-key @service:lambda @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Lambda environment variables are encrypted with a customer managed KMS key
  A function that defines environment variables must encrypt them at rest with a customer managed KMS key rather than the default Lambda service key.

  Background:
    Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionArn"

  Scenario: environment variables are encrypted with a customer managed key
    When only resources where "Environment.Variables" is present
    And only resources where "Environment.Variables" is not {}
    Then "KMSKeyArn" must not be empty
