# controlbot: request-sha256=3860e294bbde91180c8ae94167c0db6223c1c2544ccd67e1eb5eee60d2f144f9 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:sagemaker-endpoint-config-data-capture @service:sagemaker @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: SageMaker endpoint configurations log inference traffic with data capture
  Every endpoint configuration must have data capture enabled, recording the requests and responses of the hosted model to S3 for audit and model monitoring.

  Background:
    Given the resources listed by "sagemaker.ListEndpointConfigs" at "EndpointConfigs" identified by "EndpointConfigName"
    And each resource is enriched by "sagemaker.DescribeEndpointConfig" with "EndpointConfigName" from "EndpointConfigName"

  Scenario: data capture is enabled
    Then "DescribeEndpointConfig.DataCaptureConfig.EnableCapture" must be true
