# controlbot: request-sha256=dd891a279ae1edb9bb6f153b8e499e1ae5ddbdbc02376c3e23553fd10dc7ed94 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:opensearch-domain-node-to-node-encryption @service:opensearch @severity:high @category:encryption-in-transit @maps:AWS-FSBP:Opensearch.3 @maps:NIST-800-53:SC-8
Feature: OpenSearch domains encrypt traffic between their nodes
  Every OpenSearch Service domain must have node-to-node encryption enabled, so that traffic inside the cluster is encrypted with TLS.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: node-to-node encryption is enabled
    Then "DescribeDomain.DomainStatus.NodeToNodeEncryptionOptions.Enabled" must be true
