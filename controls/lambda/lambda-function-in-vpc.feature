# controlbot: request-sha256=1c06e319b98e916cee7bcd4db86d9bb6367b9bf4e720ab72a0b47c53e235ee49 provider=offline model=- prompt=bcd93ad4 review=edited
@control:lambda-function-in-vpc @service:lambda @severity:low @category:network @maps:AWS-FSBP:Lambda.3 @maps:NIST-800-53:SC-7
Feature: Lambda functions run attached to a VPC
  Every function must be connected to a VPC, with at least one subnet and one security group, so that its network traffic goes through the account's own network controls.

  Background:
    Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionArn"

  Scenario: the function is attached to a VPC
    Then "VpcConfig.VpcId" must not be empty
    And "VpcConfig.SubnetIds" must not be empty
    And "VpcConfig.SecurityGroupIds" must not be empty
