# controlbot: request-sha256=018917367871112437c704edf23bfa74b5419beaf20036b0443726e10f88cf97 provider=offline model=- prompt=bcd93ad4 review=edited
@control:glue-data-catalog-connection-passwords-encrypted @service:glue @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:IA-5
Feature: The Glue Data Catalog encrypts connection passwords with KMS
  The account's Glue Data Catalog must encrypt the passwords stored in its connection definitions with an AWS KMS key.

  Background:
    Given the account setting read by "glue.GetDataCatalogEncryptionSettings"

  Scenario: connection passwords are encrypted with a KMS key
    Then "GetDataCatalogEncryptionSettings.DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted" must be true
    And "GetDataCatalogEncryptionSettings.DataCatalogEncryptionSettings.ConnectionPasswordEncryption.AwsKmsKeyId" must be present
