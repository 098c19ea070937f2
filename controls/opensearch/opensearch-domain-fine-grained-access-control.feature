# controlbot: request-sha256=c5153f3b720a8e992167553062a3c6104dcf490ae519fdbc68fc7d6d581eab39 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:opensearch-domain-fine-grained-access-control @service:opensearch @severity:high @category:authentication @maps:AWS-FSBP:Opensearch.7 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-6
Feature: OpenSearch domains enforce fine-grained access control
  Every OpenSearch Service domain must have fine-grained access control (advanced security options) enabled, so that access is authorised per index, document and field.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: fine-grained access control is enabled
    Then "DescribeDomain.DomainStatus.AdvancedSecurityOptions.Enabled" must be true
