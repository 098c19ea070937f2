# controlbot: request-sha256=f2a3e1471c7659f3df7abb5732a78c4f882be58237bf5d6f741762a48cc9ae5c provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudtrail-trail-log-file-validation @service:cloudtrail @severity:medium @category:logging @maps:AWS-FSBP:CloudTrail.4 @maps:CIS-AWS-3.0:3.2 @maps:NIST-800-53:AU-9
Feature: CloudTrail trails validate the integrity of their log files
  Every trail must have log file integrity validation enabled, so that digest files prove whether delivered log files were changed or deleted.

  Background:
    Given the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"

  Scenario: log file validation is enabled
    Then "LogFileValidationEnabled" must be true
