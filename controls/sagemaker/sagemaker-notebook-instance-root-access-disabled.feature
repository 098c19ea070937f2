# controlbot: request-sha256=204e31628ed7ec9d1a0d8ff95db29186c494b9f1fec169b4c202782b05854fc5 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sagemaker-notebook-instance-root-access-disabled @service:sagemaker @severity:high @category:other @maps:AWS-FSBP:SageMaker.3 @maps:NIST-800-53:AC-6 @maps:NIST-800-53:AC-6(10)
Feature: SageMaker notebook instances do not give users root access
  Root access must be disabled on every notebook instance, so that notebook users cannot change the instance's system configuration.

  Background:
    Given the resources listed by "sagemaker.ListNotebookInstances" at "NotebookInstances" identified by "NotebookInstanceName"
    And each resource is enriched by "sagemaker.DescribeNotebookInstance" with "NotebookInstanceName" from "NotebookInstanceName"

  Scenario: root access is disabled
    Then "DescribeNotebookInstance.RootAccess" must be "Disabled"
