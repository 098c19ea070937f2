# controlbot: request-sha256=3a73621b8f7fc7c3408f09dbe984a097f277e9ad0f43e6b03c872e8a92e3331e provider=offline model=- prompt=bcd93ad4 review=edited
@control:stepfunctions-state-machine-logging-enabled @service:stepfunctions @severity:medium @category:logging @maps:AWS-FSBP:StepFunctions.1 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Step Functions state machines send execution logs to CloudWatch Logs
  Every state machine must have execution logging turned on: its log level must be ALL, ERROR or FATAL (not OFF) with a CloudWatch Logs log group as destination.

  Background:
    Given the resources listed by "stepfunctions.ListStateMachines" at "stateMachines" identified by "stateMachineArn"
    And each resource is enriched by "stepfunctions.DescribeStateMachine" with "stateMachineArn" from "stateMachineArn"

  Scenario: execution logging is turned on
    Then "DescribeStateMachine.loggingConfiguration.level" must be one of ["ALL", "ERROR", "FATAL"]

  Scenario: execution logs go to a CloudWatch Logs log group
    Then at least one element of "DescribeStateMachine.loggingConfiguration.destinations[].cloudWatchLogsLogGroup.logGroupArn" must match "^arn:aws[a-z-]*:logs:"
