# controlbot: request-sha256=62b44af88ef1d4660bb780cb683d9cd048ccc6103c310dda1e96cd200d304051 provider=human model=- prompt=-
@control:cloudtrail-trail-is-logging @service:cloudtrail @severity:high @category:monitoring
@maps:NIST-800-53:AU-12 @maps:NIST-800-53:AU-5
Feature: CloudTrail trails are recording and delivering events
  Every trail, including multi-region trails seen from another region, must be logging and delivering to S3 without error.

  Background:
    Given the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"
    And each resource is enriched by "cloudtrail.GetTrailStatus" with "Name" from "TrailARN"

  Scenario: the trail is recording
    Then "GetTrailStatus.IsLogging" must be true

  Scenario: the last delivery to S3 succeeded
    Then "GetTrailStatus.LatestDeliveryError" must be absent
