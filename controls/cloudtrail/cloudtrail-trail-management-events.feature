# controlbot: request-sha256=834aed679b2c1ef6936ea6408c7b90baf3acd94ba49684a4522c3fd9eff086f0 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudtrail-trail-management-events @service:cloudtrail @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: CloudTrail trails record all management events, reads and writes
  Every trail must record management events of both kinds, read and write, through either a basic event selector or an advanced event selector.

  Background:
    Given the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"
    And each resource is enriched by "cloudtrail.GetEventSelectors" with "TrailName" from "TrailARN"

  Scenario: read and write management events are recorded
    Then the expression "length(GetEventSelectors.EventSelectors[?IncludeManagementEvents && ReadWriteType=='All'] || `[]`) > `0` || length(GetEventSelectors.AdvancedEventSelectors[?FieldSelectors[?Field=='eventCategory' && contains(Equals || `[]`, 'Management')] && !(FieldSelectors[?Field=='readOnly'])] || `[]`) > `0`" must be true
