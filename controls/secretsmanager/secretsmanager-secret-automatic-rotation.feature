# controlbot: request-sha256=832c68a3df7fa959e888b15899d403c5ea021165e766fc0f6574f97ef19f0172 provider=human model=- prompt=-
@control:secretsmanager-secret-automatic-rotation @service:secretsmanager @severity:medium @category:key-rotation
@maps:NIST-800-53:IA-5(1)
Feature: Secrets Manager secrets rotate automatically at least every 90 days
  Automatic rotation must be on for every secret; a rotation interval given in days must be 90 or fewer.

  Background:
    Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "ARN"

  Scenario: automatic rotation is on
    Then "RotationEnabled" must be true

  Scenario: a rotation interval in days is at most 90
    When only resources where "RotationRules.AutomaticallyAfterDays" is present
    Then "RotationRules.AutomaticallyAfterDays" must be at most 90
