# controlbot: request-sha256=e20e1e9d4319d9c05df81caa531aca97b7d5cb4a7f2895383a1c98998958bdca provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ds-directory-legacy-protocols-disabled @service:ds @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8(1) @maps:NIST-800-53:SC-13
Feature: Managed Microsoft AD directories refuse SSL, PCT and TLS before 1.2
  Every AWS Managed Microsoft AD directory must have the legacy protocols PCT 1.0, SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 disabled on its domain controllers.

  Background:
    Given the resources listed by "ds.DescribeDirectories" at "DirectoryDescriptions" identified by "DirectoryId"
    And each resource is enriched by "ds.DescribeSettings" with "DirectoryId" from "DirectoryId"

  Scenario: every legacy protocol is disabled
    When only resources where "Type" is "MicrosoftAD"
    Then "DescribeSettings.SettingEntries[?contains(`[\"PCT_1_0\", \"SSL_2_0\", \"SSL_3_0\", \"TLS_1_0\", \"TLS_1_1\"]`, Name)].AppliedValue" must be "Disable"
