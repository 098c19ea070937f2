# controlbot: request-sha256=73ad624685ff1e51512dd900ce48943fdb51d7c7c55d4a24e93e38071b821087 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:inspector2-lambda-scanning-enabled @service:inspector2 @severity:high @category:patching-runtime @maps:AWS-FSBP:Inspector.3 @maps:NIST-800-53:RA-5
Feature: Amazon Inspector scans Lambda functions in the region
  Amazon Inspector Lambda standard scanning must be enabled for the account in the region.

  Background:
    Given the account setting read by "inspector2.BatchGetAccountStatus"

  Scenario: Lambda standard scanning is enabled
    Then "BatchGetAccountStatus.accounts[].resourceState.lambda.status" must be "ENABLED"
