# controlbot: request-sha256=f4ebed1377f173226b6b0b96f868dd08635ba9f78d8fb6b25e66ee36cb6a99f2 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:stepfunctions-state-machine-xray-tracing @service:stepfunctions @severity:low @category:monitoring @maps:NIST-800-53:AU-12 @maps:NIST-800-53:SI-4
Feature: Step Functions state machines trace executions with X-Ray
  Every state machine must have AWS X-Ray tracing enabled so that executions can be followed across the services they call.

  Background:
    Given the resources listed by "stepfunctions.ListStateMachines" at "stateMachines" identified by "stateMachineArn"
    And each resource is enriched by "stepfunctions.DescribeStateMachine" with "stateMachineArn" from "stateMachineArn"

  Scenario: X-Ray tracing is enabled
    Then "DescribeStateMachine.tracingConfiguration.enabled" must be true
