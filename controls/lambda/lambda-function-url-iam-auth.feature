# controlbot: request-sha256=d2be3c076a75b9f3b55bfa520a3d7691e067ce520b158f0a3c92cec404b41a26 provider=offline model=- prompt=bcd93ad4 review=edited
@control:lambda-function-url-iam-auth @service:lambda @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:IA-2
Feature: Lambda function URLs require IAM authentication
  Every function URL of a function must use the AWS_IAM auth type; a function URL with auth type NONE lets anyone on the internet invoke the function.

  Background:
    Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionArn"
    And each resource is enriched by "lambda.ListFunctionUrlConfigs" with "FunctionName" from "FunctionArn"

  Scenario: every function URL requires IAM authentication
    # a function without URLs has an empty list and passes; a failed listing is an ERROR, never a pass
    Then each element of "ListFunctionUrlConfigs.FunctionUrlConfigs[].AuthType", if any, must be "AWS_IAM"
