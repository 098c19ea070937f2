# controlbot: request-sha256=8dfe8e8d897867f8afc740c9c582a36568b85426b8802fe5e4c0e376841f57b6 provider=offline model=- prompt=bcd93ad4 review=edited
@control:fsx-lustre-file-system-logging @service:fsx @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: FSx for Lustre file systems log data repository events
  Every Lustre file system must send its logs (warnings and errors of data repository tasks) to CloudWatch Logs: the log level must not be DISABLED.

  Background:
    Given the resources listed by "fsx.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"

  Scenario: Lustre logging is not disabled
    When only resources where "FileSystemType" is "LUSTRE"
    Then "LustreConfiguration.LogConfiguration.Level" must be present
    And "LustreConfiguration.LogConfiguration.Level" must not be "DISABLED"
