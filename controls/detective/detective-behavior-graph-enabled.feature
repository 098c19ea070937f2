# controlbot: request-sha256=25deb2b128fb4a7cd0765f069568225e59156e891adbff4e17c1a0da60871da4 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:detective-behavior-graph-enabled @service:detective @severity:low @category:monitoring @maps:NIST-800-53:IR-4 @maps:NIST-800-53:SI-4
Feature: Amazon Detective has a behavior graph in the region
  A standalone or Detective administrator account must have an Amazon Detective behavior graph in the region, so that security findings can be investigated with the history Detective collects.

  Background:
    Given the account setting read by "detective.ListGraphs"

  Scenario: a behavior graph exists
    Then "ListGraphs.GraphList" must not be empty
