# controlbot: request-sha256=087b2e3c6a94be3198803ecfcc80fca7373176f594a444cc218fc4bf2f679f07 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sagemaker-notebook-instance-in-vpc @service:sagemaker @severity:high @category:network @maps:AWS-FSBP:SageMaker.2 @maps:NIST-800-53:SC-7
Feature: SageMaker notebook instances run inside a customer VPC
  Every notebook instance must be launched in a subnet of a VPC we own, so that its network traffic is subject to our security groups and routing.

  Background:
    Given the resources listed by "sagemaker.ListNotebookInstances" at "NotebookInstances" identified by "NotebookInstanceName"
    And each resource is enriched by "sagemaker.DescribeNotebookInstance" with "NotebookInstanceName" from "NotebookInstanceName"

  Scenario: the instance is attached to a VPC subnet
    Then "DescribeNotebookInstance.SubnetId" must be present
