# controlbot: request-sha256=ee09e215873255915d30b7275f35ca8345d8ae05bc76493b40bf43a4dfb5072c provider=offline model=- prompt=bcd93ad4 review=accepted
@control:xray-encryption-kms-key @service:xray @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: X-Ray encrypts trace data with a KMS key
  In each region, X-Ray must encrypt stored traces and analytics data with an AWS KMS key (encryption type KMS) rather than X-Ray's default encryption.

  Background:
    Given the account setting read by "xray.GetEncryptionConfig"

  Scenario: traces are encrypted with a KMS key
    Then "GetEncryptionConfig.EncryptionConfig.Type" must be "KMS"
