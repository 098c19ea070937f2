# controlbot: request-sha256=892f6dbe5c4c195d84829bb8789ca6375f1f26c52868ccd6e4b24df6ef188868 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:lightsail-instance-imdsv2-required @service:lightsail @severity:high @category:other @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Lightsail instances require IMDSv2
  The instance metadata service of every Lightsail instance must require session tokens (IMDSv2).

  Background:
    Given the resources listed by "lightsail.GetInstances" at "instances" identified by "name"

  Scenario: IMDSv2 tokens are required
    When only resources where "resourceType" is "Instance"
    Then "metadataOptions.httpTokens" must be "required"
