# controlbot: request-sha256=0ab71aeaadf7e279bc08036c75fa41487ec9674abe005a1f52ab3299690f94fe provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:batch-job-definition-no-credentials-in-environment @service:batch @severity:high @category:authentication @maps:NIST-800-53:IA-5(7) @maps:NIST-800-53:SC-28
Feature: Batch job definitions do not pass AWS credentials as plain environment variables
  No active container job definition may set the environment variables AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY in clear text; jobs get AWS access from their job role, and other secrets through the secrets parameter.

  Background:
    Given the resources listed by "batch.DescribeJobDefinitions" at "jobDefinitions" identified by "jobDefinitionArn" with "status" set to "ACTIVE"

  Scenario: no AWS key is set as a plain environment variable
    When only resources where "containerProperties" is present
    Then each element of "containerProperties.environment[].name", if any, must not be one of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
