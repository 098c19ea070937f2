# controlbot: request-sha256=a3f8bd0404a437c21538e51f95547e43b254995cffb65d44da721cde8d454fd6 provider=offline model=- prompt=bcd93ad4 review=edited
@control:datasync-task-logging @service:datasync @severity:medium @category:logging @maps:AWS-FSBP:DataSync.1 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: DataSync tasks log to CloudWatch Logs
  Every task must publish its logs to a CloudWatch Logs log group, and its log level must not be OFF.

  Background:
    Given the resources listed by "datasync.ListTasks" at "Tasks" identified by "TaskArn"
    And each resource is enriched by "datasync.DescribeTask" with "TaskArn" from "TaskArn"

  Scenario: the task logs to a CloudWatch log group
    Then "DescribeTask.CloudWatchLogGroupArn" must be present
    And "DescribeTask.Options.LogLevel" must not be one of ["OFF"]
