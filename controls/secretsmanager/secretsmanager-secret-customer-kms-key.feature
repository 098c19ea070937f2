# controlbot: request-sha256=39731eaf7afd0036d3a202adf354202c40ce565b3cef4740f23133fb5bc5bb45 provider=offline model=- prompt=bcd93ad4 review=edited
@control:secretsmanager-secret-customer-kms-key @service:secretsmanager @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Secrets Manager secrets are encrypted with a customer managed KMS key
  Every secret must be encrypted with a customer managed KMS key named on the secret, not with the AWS managed key aws/secretsmanager.

  Background:
    Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "ARN"

  Scenario: the secret names a customer managed key
    Then "KmsKeyId" must be present
    And "KmsKeyId" must match "^(?!alias/aws/)"
