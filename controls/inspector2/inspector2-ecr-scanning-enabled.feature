# controlbot: request-sha256=f181949d8c0fa9bf81c90d7fafa7f58bafb8c8597fd4a87b1228cd48f284de88 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:inspector2-ecr-scanning-enabled @service:inspector2 @severity:high @category:patching-runtime @maps:AWS-FSBP:Inspector.2 @maps:NIST-800-53:RA-5
Feature: Amazon Inspector scans ECR container images in the region
  Amazon Inspector ECR scanning must be enabled for the account in the region.

  Background:
    Given the account setting read by "inspector2.BatchGetAccountStatus"

  Scenario: ECR scanning is enabled
    Then "BatchGetAccountStatus.accounts[].resourceState.ecr.status" must be "ENABLED"
