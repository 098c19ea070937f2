# controlbot: request-sha256=7b33db752f8d01cc99b7b2d871dbeb61eab69112575ac9299b51e717532de912 provider=offline model=- prompt=bcd93ad4 review=edited
@control:xray-group-insights-enabled @service:xray @severity:low @category:monitoring @maps:NIST-800-53:SI-4
Feature: X-Ray groups have Insights turned on
  Every X-Ray group, including the Default group, must have X-Ray Insights enabled so that anomalies and faults in traced applications are detected.

  Background:
    Given the resources listed by "xray.GetGroups" at "Groups" identified by "GroupName"

  Scenario: Insights is enabled for the group
    Then "InsightsConfiguration.InsightsEnabled" must be true
