# controlbot: request-sha256=4a986917f3230abf232b66fb323378c08e26c9d57110ebe1944bed0af71f9414 provider=human model=- prompt=-
@control:efs-file-system-automatic-backups @service:efs @severity:medium @category:backup-recovery
@maps:NIST-800-53:CP-9
Feature: EFS file systems are backed up automatically by AWS Backup
  Every available file system must have its automatic backup policy enabled; no policy at all fails.

  Background:
    Given the resources listed by "efs.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"
    And each resource is enriched by "efs.DescribeBackupPolicy" with "FileSystemId" from "FileSystemId"
    And the error "PolicyNotFound" from "efs.DescribeBackupPolicy" means absent

  Scenario: automatic backups are enabled
    When only resources where "LifeCycleState" is "available"
    Then "DescribeBackupPolicy.BackupPolicy.Status" must be "ENABLED"
