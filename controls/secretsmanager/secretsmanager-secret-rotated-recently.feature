# controlbot: request-sha256=996e920f8283aa05384e722eb28e848123c5382e64cc65853c8f5f817ddc2200 provider=offline model=- prompt=bcd93ad4 review=edited
@control:secretsmanager-secret-rotated-recently @service:secretsmanager @severity:medium @category:key-rotation @maps:AWS-FSBP:SecretsManager.4 @maps:NIST-800-53:IA-5(1)
Feature: Secrets Manager secrets were rotated within the last 90 days
  Every secret must have been rotated successfully within the last 90 days; a secret that was never rotated does not comply.

  Background:
    Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "ARN"

  Scenario: the last rotation is at most 90 days old
    Then "LastRotatedDate" must be at most 90 days old
