# controlbot: request-sha256=9d35518c7f2f5de532714e3552dfa6551de2c0a79cba75f37815c3d3b40e9e61 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:fsx-file-system-automatic-backups @service:fsx @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9
Feature: FSx file systems take automatic daily backups
  Every FSx file system that supports automatic backups (Windows File Server, NetApp ONTAP, OpenZFS, and persistent Lustre) must keep its automatic daily backups for at least 1 day.

  Background:
    Given the resources listed by "fsx.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"

  Scenario: Windows file systems keep automatic backups
    When only resources where "FileSystemType" is "WINDOWS"
    Then "WindowsConfiguration.AutomaticBackupRetentionDays" must be at least 1

  Scenario: ONTAP file systems keep automatic backups
    When only resources where "FileSystemType" is "ONTAP"
    Then "OntapConfiguration.AutomaticBackupRetentionDays" must be at least 1

  Scenario: OpenZFS file systems keep automatic backups
    When only resources where "FileSystemType" is "OPENZFS"
    Then "OpenZFSConfiguration.AutomaticBackupRetentionDays" must be at least 1

  Scenario: persistent Lustre file systems keep automatic backups
    When only resources where "FileSystemType" is "LUSTRE"
    And only resources where "LustreConfiguration.DeploymentType" is one of ["PERSISTENT_1", "PERSISTENT_2"]
    Then "LustreConfiguration.AutomaticBackupRetentionDays" must be at least 1
