# controlbot: request-sha256=f41bdb7e6a1d651bc9529ca1536cb6e07824f8af64f71db06b62a0cd7efe3ab5 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:inspector2-ec2-scanning-enabled @service:inspector2 @severity:high @category:patching-runtime @maps:AWS-FSBP:Inspector.1 @maps:NIST-800-53:RA-5
Feature: Amazon Inspector scans EC2 instances in the region
  Amazon Inspector EC2 scanning must be enabled for the account in the region.

  Background:
    Given the account setting read by "inspector2.BatchGetAccountStatus"

  Scenario: EC2 scanning is enabled
    Then "BatchGetAccountStatus.accounts[].resourceState.ec2.status" must be "ENABLED"
