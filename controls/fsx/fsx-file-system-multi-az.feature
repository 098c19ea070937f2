# controlbot: request-sha256=9925819429bc86a4d7df6eb2774300770282a153b1ea36e86eeb2745536410ca provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:fsx-file-system-multi-az @service:fsx @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-36
Feature: FSx file systems are deployed across two Availability Zones
  Every FSx for Windows File Server, NetApp ONTAP and OpenZFS file system must use a Multi-AZ deployment type, so that it stays available when one Availability Zone fails.

  Background:
    Given the resources listed by "fsx.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"

  Scenario: Windows file systems are Multi-AZ
    When only resources where "FileSystemType" is "WINDOWS"
    Then "WindowsConfiguration.DeploymentType" must be "MULTI_AZ_1"

  Scenario: ONTAP file systems are Multi-AZ
    When only resources where "FileSystemType" is "ONTAP"
    Then "OntapConfiguration.DeploymentType" must be one of ["MULTI_AZ_1", "MULTI_AZ_2"]

  Scenario: OpenZFS file systems are Multi-AZ
    When only resources where "FileSystemType" is "OPENZFS"
    Then "OpenZFSConfiguration.DeploymentType" must be "MULTI_AZ_1"
