# controlbot: request-sha256=e6c650b20c1f369ed1cd49c45a6e9332d7d8e7f0fb0b2325d03bba4a842916ca provider=offline model=- prompt=bcd93ad4 review=edited
@control:secretsmanager-secret-recently-used @service:secretsmanager @severity:medium @category:other @maps:AWS-FSBP:SecretsManager.3 @maps:NIST-800-53:AC-2(3)
Feature: Secrets Manager secrets not used for 90 days are removed
  Every secret must have been accessed within the last 90 days; a secret that was never accessed must have been created within the last 90 days.

  Background:
    Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "ARN"

  Scenario: a secret that was accessed was accessed in the last 90 days
    When only resources where "LastAccessedDate" is present
    Then "LastAccessedDate" must be at most 90 days old

  Scenario: a secret never accessed was created in the last 90 days
    When only resources where "LastAccessedDate" is absent
    Then "CreatedDate" must be at most 90 days old
