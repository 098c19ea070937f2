# controlbot: request-sha256=2b2b1669fe01a28e478f1f234ea3da140e042768d0ccc6f5a852cac216718cc2 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:workspaces-root-volume-encrypted @service:workspaces @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:WorkSpaces.2 @maps:NIST-800-53:SC-28
Feature: WorkSpaces root volumes are encrypted at rest
  Every WorkSpace must have its root volume (C: drive or /) encrypted at rest.

  Background:
    Given the resources listed by "workspaces.DescribeWorkspaces" at "Workspaces" identified by "WorkspaceId"

  Scenario: the root volume is encrypted
    Then "RootVolumeEncryptionEnabled" must be true
