# controlbot: request-sha256=4e75d35b6bf81a59a19e1023a6139d8d22a52851f2161a8e97b009d2bafc30d4 provider=offline model=- prompt=bcd93ad4 review=edited
# adapted from control opensearch-domain-audit-logging
@control:opensearch-domain-error-logging @service:opensearch @severity:medium @category:logging @maps:AWS-FSBP:Opensearch.4 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: OpenSearch domains publish error logs to CloudWatch Logs
  Every OpenSearch Service domain must publish its error (application) logs to a CloudWatch Logs log group.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: error logs are published to CloudWatch Logs
    Then "DescribeDomain.DomainStatus.LogPublishingOptions.ES_APPLICATION_LOGS.CloudWatchLogsLogGroupArn" must be present
    And "DescribeDomain.DomainStatus.LogPublishingOptions.ES_APPLICATION_LOGS.Enabled" must be true
