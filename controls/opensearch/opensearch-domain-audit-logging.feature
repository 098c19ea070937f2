# controlbot: request-sha256=3e548e6adb4170dcef52ae6ad5b6ea5db3b6690bdf72c18a3e73c087768dcb2d provider=offline model=- prompt=bcd93ad4 review=accepted
@control:opensearch-domain-audit-logging @service:opensearch @severity:medium @category:logging @maps:AWS-FSBP:Opensearch.5 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: OpenSearch domains publish audit logs to CloudWatch Logs
  Every OpenSearch Service domain must publish its audit logs to a CloudWatch Logs log group.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: audit logs are published to CloudWatch Logs
    Then "DescribeDomain.DomainStatus.LogPublishingOptions.AUDIT_LOGS.CloudWatchLogsLogGroupArn" must be present
    And "DescribeDomain.DomainStatus.LogPublishingOptions.AUDIT_LOGS.Enabled" must be true
