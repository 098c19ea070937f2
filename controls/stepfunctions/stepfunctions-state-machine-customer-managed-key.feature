# controlbot: request-sha256=a17223b9b7f0e644c2f41789d0caed8457285f2864162034aa8f4454f90fd55c provider=offline model=- prompt=bcd93ad4 review=accepted
@control:stepfunctions-state-machine-customer-managed-key @service:stepfunctions @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Step Functions state machines encrypt their data with a customer managed KMS key
  Every state machine must encrypt its definition and execution data with a customer managed KMS key; the AWS owned key does not satisfy this.

  Background:
    Given the resources listed by "stepfunctions.ListStateMachines" at "stateMachines" identified by "stateMachineArn"
    And each resource is enriched by "stepfunctions.DescribeStateMachine" with "stateMachineArn" from "stateMachineArn"

  Scenario: a customer managed KMS key encrypts the state machine
    Then "DescribeStateMachine.encryptionConfiguration.type" must be "CUSTOMER_MANAGED_KMS_KEY"
