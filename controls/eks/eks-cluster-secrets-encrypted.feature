# controlbot: request-sha256=dd5879aba6f9bc5c705759a598690c239df73c7383b72415d8da3474d87b874f provider=offline model=- prompt=bcd93ad4 review=edited
@control:eks-cluster-secrets-encrypted @service:eks @severity:high @category:encryption-at-rest @maps:AWS-FSBP:EKS.3 @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: EKS clusters encrypt Kubernetes secrets with a KMS key
  Every cluster must use envelope encryption with an AWS KMS key for the Kubernetes secrets resource.

  Background:
    Given the resources listed by "eks.ListClusters" at "clusters" identified by "@"
    And each resource is enriched by "eks.DescribeCluster" with "name" from "@"

  Scenario: secrets are encrypted with a KMS key
    Then at least one element of "DescribeCluster.cluster.encryptionConfig[?contains(resources || `[]`, 'secrets')].provider.keyArn" must be present
