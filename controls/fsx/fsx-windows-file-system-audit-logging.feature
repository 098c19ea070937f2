# controlbot: request-sha256=9065b9d96d36710e15d3f01efaf608f70a57b5641d63773d43e9de8a2dc646ed provider=offline model=- prompt=bcd93ad4 review=edited
@control:fsx-windows-file-system-audit-logging @service:fsx @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: FSx for Windows File Server file systems audit file and share access
  Every Windows file system must log access to files and folders and access to file shares (both successful and failed attempts, or at least failed ones) to an audit log destination.

  Background:
    Given the resources listed by "fsx.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"

  Scenario: file and folder access is audited
    When only resources where "FileSystemType" is "WINDOWS"
    Then "WindowsConfiguration.AuditLogConfiguration.FileAccessAuditLogLevel" must be one of ["FAILURE_ONLY", "SUCCESS_AND_FAILURE"]
    And "WindowsConfiguration.AuditLogConfiguration.AuditLogDestination" must be present

  Scenario: file share access is audited
    When only resources where "FileSystemType" is "WINDOWS"
    Then "WindowsConfiguration.AuditLogConfiguration.FileShareAccessAuditLogLevel" must be one of ["FAILURE_ONLY", "SUCCESS_AND_FAILURE"]
    And "WindowsConfiguration.AuditLogConfiguration.AuditLogDestination" must be present
