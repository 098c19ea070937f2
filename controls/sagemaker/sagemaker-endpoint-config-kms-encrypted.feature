# controlbot: request-sha256=ed147f461b470c758eaf1b6800006bf9b4b69e2078f9fba56cb99d75e5623423 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sagemaker-endpoint-config-kms-encrypted @service:sagemaker @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: SageMaker endpoint configurations encrypt attached storage with a KMS key
  Every endpoint configuration must name a customer managed KMS key that SageMaker uses to encrypt the storage volumes of the instances hosting the endpoint.

  Background:
    Given the resources listed by "sagemaker.ListEndpointConfigs" at "EndpointConfigs" identified by "EndpointConfigName"
    And each resource is enriched by "sagemaker.DescribeEndpointConfig" with "EndpointConfigName" from "EndpointConfigName"

  Scenario: the endpoint storage names a KMS key
    Then "DescribeEndpointConfig.KmsKeyId" must be present
