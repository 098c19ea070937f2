# controlbot: request-sha256=77faffe95e4ebd1d523d6655c3bf84996d9c0ff5709e235d3eddb565be9f9569 provider=offline model=- prompt=bcd93ad4 review=edited
@control:globalaccelerator-custom-routing-accelerator-flow-logs @service:globalaccelerator @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Global Accelerator custom routing accelerators record flow logs
  Every custom routing accelerator must have flow logs enabled with an S3 bucket as their destination.

  Background:
    Given the resources listed by "globalaccelerator.ListCustomRoutingAccelerators" at "Accelerators" identified by "AcceleratorArn"
    And each resource is enriched by "globalaccelerator.DescribeCustomRoutingAcceleratorAttributes" with "AcceleratorArn" from "AcceleratorArn"

  Scenario: flow logs are delivered to a bucket
    Then "DescribeCustomRoutingAcceleratorAttributes.AcceleratorAttributes.FlowLogsEnabled" must be true
    And "DescribeCustomRoutingAcceleratorAttributes.AcceleratorAttributes.FlowLogsS3Bucket" must not be empty
