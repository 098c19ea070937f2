# controlbot: request-sha256=3d9d32a809511377b064d785a07878921266e7d1dc9a47f6545be261523d5ca5 provider=offline model=- prompt=bcd93ad4 review=edited
@control:batch-job-definition-read-only-root-filesystem @service:batch @severity:medium @category:other @maps:NIST-800-53:AC-6 @maps:NIST-800-53:CM-7
Feature: Batch job containers mount their root filesystem read-only
  Every active container job definition must mount its container's root filesystem read-only.

  Background:
    Given the resources listed by "batch.DescribeJobDefinitions" at "jobDefinitions" identified by "jobDefinitionArn" with "status" set to "ACTIVE"

  Scenario: the root filesystem is read-only
    When only resources where "containerProperties" is present
    Then "containerProperties.readonlyRootFilesystem" must be true
