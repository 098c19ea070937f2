# controlbot: request-sha256=e57c670c4b842db81ca5986009de572e5cbf538c469d23ef5c480ea899cc62c9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:dax-cluster-tls-endpoint @service:dax @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:DynamoDB.7 @maps:NIST-800-53:SC-8
Feature: DAX clusters accept client connections only over TLS
  The cluster endpoint encryption type of every DynamoDB Accelerator cluster must be TLS; NONE (plaintext connections) is not allowed.

  Background:
    Given the resources listed by "dax.DescribeClusters" at "Clusters" identified by "ClusterName"

  Scenario: the cluster endpoint requires TLS
    Then "ClusterEndpointEncryptionType" must be "TLS"
