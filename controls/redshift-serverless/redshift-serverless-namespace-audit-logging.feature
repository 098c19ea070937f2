# controlbot: request-sha256=631d9d1924c10d4558ef8f0ff4aff705ab650a3698f98555afeef0434d4c293b provider=offline model=- prompt=bcd93ad4 review=edited
@control:redshift-serverless-namespace-audit-logging @service:redshift-serverless @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Redshift Serverless namespaces export their audit logs
  Every Redshift Serverless namespace must export its connection log and user log to CloudWatch Logs.

  Background:
    Given the resources listed by "redshift-serverless.ListNamespaces" at "namespaces" identified by "namespaceId"

  Scenario: the connection and user logs are exported
    Then "logExports" must contain "connectionlog"
    And "logExports" must contain "userlog"
