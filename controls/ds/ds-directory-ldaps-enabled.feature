# controlbot: request-sha256=5c158f384cbac3aef06ce0367bd7a74d402fd8bdaaae071586ee80308793a1c9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ds-directory-ldaps-enabled @service:ds @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: Managed Microsoft AD directories have client-side LDAPS enabled
  Every AWS Managed Microsoft AD directory must have client-side LDAPS enabled, so that LDAP traffic from applications to the directory is encrypted.

  Background:
    Given the resources listed by "ds.DescribeDirectories" at "DirectoryDescriptions" identified by "DirectoryId"
    And each resource is enriched by "ds.DescribeLDAPSSettings" with "DirectoryId" from "DirectoryId" and "Type" set to "Client"

  Scenario: client-side LDAPS is enabled
    When only resources where "Type" is "MicrosoftAD"
    Then at least one element of "DescribeLDAPSSettings.LDAPSSettingsInfo[].LDAPSStatus" must be "Enabled"
