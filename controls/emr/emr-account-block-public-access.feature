# controlbot: request-sha256=d1f370c4412610acfaa32614da9e6a883c1143ba496dc68532a943f347570d6e provider=offline model=- prompt=bcd93ad4 review=accepted
@control:emr-account-block-public-access @service:emr @severity:critical @category:public-access @maps:AWS-FSBP:EMR.2 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: EMR block public access is on for the account
  The account's EMR block public access setting must be turned on in every Region, so that no cluster can start with a security group rule that admits the internet on a port that has not been explicitly permitted.

  Background:
    Given the account setting read by "emr.GetBlockPublicAccessConfiguration"

  Scenario: block public access is turned on
    Then "GetBlockPublicAccessConfiguration.BlockPublicAccessConfiguration.BlockPublicSecurityGroupRules" must be true
