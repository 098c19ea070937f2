# controlbot: request-sha256=d7c95841982098818e4c48abdefe5815c271e6555d38a236b156bcdc98dd58d4 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudformation-stack-service-role @service:cloudformation @severity:low @category:other @maps:NIST-800-53:AC-6
Feature: CloudFormation stacks run with a dedicated service role
  Every stack must be associated with an IAM service role that CloudFormation assumes for stack operations, instead of using the permissions of whoever deploys it.

  Background:
    Given the resources listed by "cloudformation.DescribeStacks" at "Stacks" identified by "StackName"

  Scenario: a service role is associated
    When only resources where "ParentId" is absent
    Then "RoleARN" must match "^arn:aws[a-z-]*:iam::[0-9]{12}:role/"
