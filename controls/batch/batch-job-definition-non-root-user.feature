# controlbot: request-sha256=2256cde6a0d9e98d328cd136594c46c0bd1a8279a208ac647c622bfe28c7fbf8 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:batch-job-definition-non-root-user @service:batch @severity:medium @category:other @maps:NIST-800-53:AC-6
Feature: Batch job containers run as a named non-root user
  Every active container job definition must set the user its container runs as, and that user must not be root (neither the name root nor UID 0, with or without a group).

  Background:
    Given the resources listed by "batch.DescribeJobDefinitions" at "jobDefinitions" identified by "jobDefinitionArn" with "status" set to "ACTIVE"

  Scenario: the container runs as a non-root user
    When only resources where "containerProperties" is present
    # "root", "0", "root:x" and "0:0" are refused; a missing user fails
    Then "containerProperties.user" must match "^(?!(root|0)(:|$))[^:]+(:.+)?$"
