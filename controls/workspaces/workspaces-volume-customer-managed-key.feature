# controlbot: request-sha256=fb4b32b430eefb73c112b71235ab202483525521d60868d9bf84a3bd83fe6b40 provider=offline model=- prompt=bcd93ad4 review=edited
@control:workspaces-volume-customer-managed-key @service:workspaces @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: WorkSpaces volumes are encrypted with a customer managed KMS key
  WorkSpaces with encrypted volumes must use a customer managed symmetric KMS key, not the AWS managed key alias/aws/workspaces.

  Background:
    Given the resources listed by "workspaces.DescribeWorkspaces" at "Workspaces" identified by "WorkspaceId"

  Scenario: encrypted volumes use a customer managed key
    When only resources where "UserVolumeEncryptionEnabled || RootVolumeEncryptionEnabled" is true
    Then "VolumeEncryptionKey" must match "^(?!(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:)?alias/aws/workspaces$)."
