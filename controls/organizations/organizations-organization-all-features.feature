# controlbot: request-sha256=e6aa8f77a55bab7a9f27e9a1bfb3b6001c65d62f933f4e56b475f09f34852abb provider=offline model=- prompt=bcd93ad4 review=edited
@control:organizations-organization-all-features @service:organizations @severity:medium @category:other @maps:NIST-800-53:AC-6 @maps:NIST-800-53:CM-7
Feature: The account belongs to an organization with all features enabled
  The account must be a member of an AWS organization, and that organization must have all features enabled (not only consolidated billing), so that service control policies and other organization policies can govern it.

  Background:
    Given the account setting read by "organizations.DescribeOrganization"
    And the error "AWSOrganizationsNotInUseException" from "organizations.DescribeOrganization" means absent

  Scenario: the account is in an organization
    Then "DescribeOrganization.Organization" must be present

  Scenario: the organization has all features enabled
    Then "DescribeOrganization.Organization.FeatureSet" must be "ALL"
