# controlbot: request-sha256=fdbde501e08b24d4fb63aff01ec01daa35f0010f251ae9055fe834c2746ca64b provider=offline model=- prompt=bcd93ad4 review=edited
@control:globalaccelerator-accelerator-flow-logs @service:globalaccelerator @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Global Accelerator standard accelerators record flow logs
  Every standard accelerator must have flow logs enabled with an S3 bucket as their destination.

  Background:
    Given the resources listed by "globalaccelerator.ListAccelerators" at "Accelerators" identified by "AcceleratorArn"
    And each resource is enriched by "globalaccelerator.DescribeAcceleratorAttributes" with "AcceleratorArn" from "AcceleratorArn"

  Scenario: flow logs are delivered to a bucket
    Then "DescribeAcceleratorAttributes.AcceleratorAttributes.FlowLogsEnabled" must be true
    And "DescribeAcceleratorAttributes.AcceleratorAttributes.FlowLogsS3Bucket" must not be empty
