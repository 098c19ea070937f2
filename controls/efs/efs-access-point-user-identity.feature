# controlbot: request-sha256=cd3474d5e01ddd62a8d8cdf612b670bd04d1bbc1f4006ceaa351f11fd19f0a30 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:efs-access-point-user-identity @service:efs @severity:medium @category:authentication @maps:AWS-FSBP:EFS.4 @maps:NIST-800-53:AC-6 @maps:NIST-800-53:IA-2
Feature: EFS access points enforce a POSIX user identity
  Every access point must enforce a POSIX user (user id and group id) for all file system requests made through it, so that the client's own identity is not trusted.

  Background:
    Given the resources listed by "efs.DescribeAccessPoints" at "AccessPoints" identified by "AccessPointId"

  Scenario: a POSIX user is enforced
    Then "PosixUser" must not be empty
