# controlbot: request-sha256=a1e7106692f17b1e2a98205c4595313b458629121264c65e86a1cc50f38ef48e provider=offline model=- prompt=bcd93ad4 review=edited
@control:athena-workgroup-query-results-encrypted @service:athena @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28
Feature: Athena workgroups encrypt query results and enforce it on every query
  Every enabled Athena workgroup must encrypt the query results it writes to S3 (SSE_S3, SSE_KMS or CSE_KMS) and must enforce its workgroup settings so that clients cannot override the encryption.

  Background:
    Given the resources listed by "athena.ListWorkGroups" at "WorkGroups" identified by "Name"
    And each resource is enriched by "athena.GetWorkGroup" with "WorkGroup" from "Name"

  Scenario: query results are encrypted and the setting is enforced
    When only resources where "State" is "ENABLED"
    Then "GetWorkGroup.WorkGroup.Configuration.ResultConfiguration.EncryptionConfiguration.EncryptionOption" must be present
    And "GetWorkGroup.WorkGroup.Configuration.EnforceWorkGroupConfiguration" must be true
