# controlbot: request-sha256=105cbb0bef244f917507c0e4809862757c08cc88ea1f7b0fe6591b9415247432 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sagemaker-notebook-instance-kms-encrypted @service:sagemaker @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: SageMaker notebook instance storage is encrypted with a customer managed KMS key
  Every notebook instance must encrypt the ML storage volume attached to it with a customer managed KMS key.

  Background:
    Given the resources listed by "sagemaker.ListNotebookInstances" at "NotebookInstances" identified by "NotebookInstanceName"
    And each resource is enriched by "sagemaker.DescribeNotebookInstance" with "NotebookInstanceName" from "NotebookInstanceName"

  Scenario: the storage volume names a KMS key
    Then "DescribeNotebookInstance.KmsKeyId" must be present
