# controlbot: request-sha256=e717f67c929c791c7e6d00d33834b78b77d11497199eb97f48f8d9ffa981b601 provider=offline model=- prompt=bcd93ad4 review=edited
@control:efs-access-point-root-directory @service:efs @severity:medium @category:other @maps:AWS-FSBP:EFS.3 @maps:NIST-800-53:AC-6
Feature: EFS access points confine clients to a directory below the root
  Every access point must enforce a root directory other than the file system root "/", so that clients using it only reach the directory tree meant for them.

  Background:
    Given the resources listed by "efs.DescribeAccessPoints" at "AccessPoints" identified by "AccessPointId"

  Scenario: the root directory is below the file system root
    Then "RootDirectory.Path" must be present
    And "RootDirectory.Path" must not be "/"
