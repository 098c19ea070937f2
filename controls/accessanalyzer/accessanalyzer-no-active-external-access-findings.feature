# controlbot: request-sha256=1619cf69e494956c74b3d499c6ade4b8d85db9d2035a606d4e2c535c94d53f71 provider=offline model=- prompt=bcd93ad4 review=edited
@control:accessanalyzer-no-active-external-access-findings @service:accessanalyzer @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: IAM Access Analyzer has no unresolved external access findings
  No active external access analyzer may have findings in the ACTIVE state: every resource shared outside the zone of trust must be fixed, or the access archived as intended.

  Background:
    Given the resources listed by "accessanalyzer.ListAnalyzers" at "analyzers" identified by "arn"
    And each resource is enriched by "accessanalyzer.ListFindingsV2" with "analyzerArn" from "arn" and "filter" set to {"status": {"eq": ["ACTIVE"]}}

  Scenario: no external access finding is active
    When only resources where "type" is one of ["ACCOUNT", "ORGANIZATION"]
    And only resources where "status" is "ACTIVE"
    Then each element of "ListFindingsV2.findings[].status", if any, must not be "ACTIVE"
