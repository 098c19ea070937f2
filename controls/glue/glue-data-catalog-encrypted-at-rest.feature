# controlbot: request-sha256=588ed73a4a9ce385cd81404ae714c52d72a59a48b1f3c535f68dd8e72a307087 provider=offline model=- prompt=bcd93ad4 review=edited
@control:glue-data-catalog-encrypted-at-rest @service:glue @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28
Feature: The Glue Data Catalog encrypts its metadata at rest with KMS
  The account's Glue Data Catalog must encrypt its metadata at rest with an AWS KMS key (SSE-KMS).

  Background:
    Given the account setting read by "glue.GetDataCatalogEncryptionSettings"

  Scenario: catalog metadata is encrypted with a KMS key
    Then "GetDataCatalogEncryptionSettings.DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode" must be one of ["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"]
