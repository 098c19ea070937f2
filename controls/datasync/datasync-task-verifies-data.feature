# controlbot: request-sha256=d20ba99998ab82ed08fd7da3f41c5cf2c60881d95840caad41b219ea96b66dac provider=offline model=- prompt=bcd93ad4 review=accepted
@control:datasync-task-verifies-data @service:datasync @severity:low @category:other @maps:NIST-800-53:SI-7
Feature: DataSync tasks verify the data they transfer
  Every task must verify data integrity at the end of the transfer: the verify mode must not be NONE.

  Background:
    Given the resources listed by "datasync.ListTasks" at "Tasks" identified by "TaskArn"
    And each resource is enriched by "datasync.DescribeTask" with "TaskArn" from "TaskArn"

  Scenario: transferred data is verified
    Then "DescribeTask.Options.VerifyMode" must not be one of ["NONE"]
