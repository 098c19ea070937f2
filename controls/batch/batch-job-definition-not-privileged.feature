# controlbot: request-sha256=c5c348d7f1cd128b901e094def76f50c3141f10628c9c0bccb35fa7a7e6e6e7b provider=offline model=- prompt=bcd93ad4 review=edited
@control:batch-job-definition-not-privileged @service:batch @severity:high @category:other @maps:NIST-800-53:AC-6
Feature: Batch job definitions do not run containers in privileged mode
  No active container job definition may run its container privileged, with root-equivalent access to the host.

  Background:
    Given the resources listed by "batch.DescribeJobDefinitions" at "jobDefinitions" identified by "jobDefinitionArn" with "status" set to "ACTIVE"

  Scenario: the container is not privileged
    When only resources where "containerProperties" is present
    # privileged is false when absent
    Then the expression "containerProperties.privileged != `true`" must be true
