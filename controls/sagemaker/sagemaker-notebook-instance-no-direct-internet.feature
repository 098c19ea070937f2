# controlbot: request-sha256=a37ebcabfc38b320920a6bd5a827d39abfbb9055923cdbcb50f63f03be82730e provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sagemaker-notebook-instance-no-direct-internet @service:sagemaker @severity:high @category:network @maps:AWS-FSBP:SageMaker.1 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: SageMaker notebook instances have no direct internet access
  Direct internet access must be disabled on every notebook instance; traffic must go through the customer's VPC instead.

  Background:
    Given the resources listed by "sagemaker.ListNotebookInstances" at "NotebookInstances" identified by "NotebookInstanceName"
    And each resource is enriched by "sagemaker.DescribeNotebookInstance" with "NotebookInstanceName" from "NotebookInstanceName"

  Scenario: direct internet access is disabled
    Then "DescribeNotebookInstance.DirectInternetAccess" must be "Disabled"
