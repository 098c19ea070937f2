# controlbot: request-sha256=500e13d6729535ab536237380a43392743cf2c00e9ba66f99102910b14302d6a provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudtrail-multi-region-trail-enabled @service:cloudtrail @severity:high @category:logging @maps:CIS-AWS-3.0:3.1 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: The account has at least one multi-region CloudTrail trail
  The account must have at least one trail that is a multi-region trail, so that API activity in every region is recorded.

  Background:
    Given the account setting read by "cloudtrail.DescribeTrails"

  Scenario: a multi-region trail exists
    Then at least one element of "DescribeTrails.trailList[].IsMultiRegionTrail" must be true
