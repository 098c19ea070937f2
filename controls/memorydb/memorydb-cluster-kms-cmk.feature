# controlbot: request-sha256=8c258e330476d60c6655f984ba44a8bfb557a714dd0f8843a3fe1c4d2d1bcd30 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:memorydb-cluster-kms-cmk @service:memorydb @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: MemoryDB clusters encrypt data at rest with a customer managed KMS key
  Every MemoryDB cluster must encrypt its data at rest with a customer managed AWS KMS key rather than the default service key.

  Background:
    Given the resources listed by "memorydb.DescribeClusters" at "Clusters" identified by "Name"

  Scenario: a customer managed KMS key encrypts the data at rest
    Then "KmsKeyId" must be present
