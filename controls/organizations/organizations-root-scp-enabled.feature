# controlbot: request-sha256=81d9f4b50eaec1c69b4e020c57f1de9d74dc4b8f12f71c6e01a502ef0897c31c provider=offline model=- prompt=bcd93ad4 review=edited
@control:organizations-root-scp-enabled @service:organizations @severity:medium @category:other @maps:NIST-800-53:AC-6 @maps:NIST-800-53:AC-3
Feature: Service control policies are enabled on the organization root
  Every root of the organization must have the SERVICE_CONTROL_POLICY policy type enabled, so that service control policies limit what member accounts can do.

  Background:
    Given the resources listed by "organizations.ListRoots" at "Roots" identified by "Id"
    And the error "AWSOrganizationsNotInUseException" from "organizations.ListRoots" means absent

  Scenario: the SCP policy type is enabled on the root
    Then at least one element of "PolicyTypes[?Type=='SERVICE_CONTROL_POLICY'].Status" must be "ENABLED"
