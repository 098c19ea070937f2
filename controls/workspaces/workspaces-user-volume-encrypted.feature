# controlbot: request-sha256=7b12fc2f09c45585cad1b8f557abc385b30450140b86a5450f4dd21e6620755a provider=offline model=- prompt=bcd93ad4 review=accepted
@control:workspaces-user-volume-encrypted @service:workspaces @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:WorkSpaces.1 @maps:NIST-800-53:SC-28
Feature: WorkSpaces user volumes are encrypted at rest
  Every WorkSpace must have its user volume (D: drive or /home) encrypted at rest.

  Background:
    Given the resources listed by "workspaces.DescribeWorkspaces" at "Workspaces" identified by "WorkspaceId"

  Scenario: the user volume is encrypted
    Then "UserVolumeEncryptionEnabled" must be true
