# controlbot: request-sha256=bcfbe062cb63c86a3d2b51ea879070569f5779f31cb0c184827f7296c3429a4a provider=offline model=- prompt=bcd93ad4 review=accepted
@control:dax-cluster-encrypted-at-rest @service:dax @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:DynamoDB.3 @maps:NIST-800-53:SC-28
Feature: DAX clusters encrypt their cached data at rest
  Server-side encryption must be enabled on every DynamoDB Accelerator cluster, so that the data it caches and its logs are encrypted at rest.

  Background:
    Given the resources listed by "dax.DescribeClusters" at "Clusters" identified by "ClusterName"

  Scenario: server-side encryption is enabled
    Then "SSEDescription.Status" must be one of ["ENABLING", "ENABLED"]
