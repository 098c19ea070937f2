# controlbot: request-sha256=c6368e5493f26ce90d0d8aa94bc8dde85c6a6184f7e5fbf22db6611ecf739f25 provider=offline model=- prompt=bcd93ad4 review=edited
@control:opensearch-domain-encrypted-at-rest @service:opensearch @severity:high @category:encryption-at-rest @maps:AWS-FSBP:Opensearch.1 @maps:NIST-800-53:SC-28
Feature: OpenSearch domains encrypt their data at rest
  Every OpenSearch Service domain must have encryption at rest enabled for its indices, logs, swap files and automated snapshots.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: encryption at rest is enabled
    Then "DescribeDomain.DomainStatus.EncryptionAtRestOptions.Enabled" must be true
