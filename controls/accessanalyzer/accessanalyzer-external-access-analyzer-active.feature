# controlbot: request-sha256=3f03b6e1ed586a7e6de4f9abb312593ad968ff94bafedc74352ec0031f5f8eba provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:accessanalyzer-external-access-analyzer-active @service:accessanalyzer @severity:medium @category:monitoring @maps:CIS-AWS-3.0:1.20 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:CA-7
Feature: IAM Access Analyzer watches the region for external access
  The region must have at least one external access analyzer (of type ACCOUNT or ORGANIZATION) whose status is ACTIVE.

  Background:
    Given the account setting read by "accessanalyzer.ListAnalyzers"

  Scenario: an external access analyzer is active
    Then at least one element of "ListAnalyzers.analyzers[?type=='ACCOUNT' || type=='ORGANIZATION'].status" must be "ACTIVE"
