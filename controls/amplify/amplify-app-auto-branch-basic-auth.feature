# controlbot: request-sha256=0130a2bba1e8d5d022959a3e15f820a93d1eb000ee911bb9c817d710cbf9fcae provider=offline model=- prompt=bcd93ad4 review=edited
@control:amplify-app-auto-branch-basic-auth @service:amplify @severity:medium @category:authentication @maps:NIST-800-53:AC-3 @maps:NIST-800-53:IA-2
Feature: Amplify apps password-protect the branches they create automatically
  Requirement: When an app creates branches automatically from repository branch patterns, the automatic branch configuration must turn basic authentication on, so that preview deployments of unreviewed branches are not open to the internet.

  Background:
    Given the resources listed by "amplify.ListApps" at "apps" identified by "appId"

  Scenario: automatically created branches use basic authentication
    When only resources where "enableAutoBranchCreation" is true
    Then "autoBranchCreationConfig.enableBasicAuth" must be true
