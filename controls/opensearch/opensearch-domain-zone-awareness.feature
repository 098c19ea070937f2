# controlbot: request-sha256=709d2488ce05c84bddd93fa371dfae2621dad53338fb1ec4a05fe29d98f10a49 provider=offline model=- prompt=bcd93ad4 review=edited
@control:opensearch-domain-zone-awareness @service:opensearch @severity:medium @category:backup-recovery @maps:AWS-FSBP:Opensearch.6 @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-36
Feature: OpenSearch domains spread at least three data nodes across Availability Zones
  Every OpenSearch Service domain must have zone awareness enabled and at least three data nodes, so that it keeps serving when one node or one Availability Zone fails.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: zone awareness is on with at least three data nodes
    Then "DescribeDomain.DomainStatus.ClusterConfig.ZoneAwarenessEnabled" must be true
    And "DescribeDomain.DomainStatus.ClusterConfig.InstanceCount" must be at least 3
