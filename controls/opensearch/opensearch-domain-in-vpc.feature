# controlbot: request-sha256=69e2ce6ae59c7650a4994189b25365d367345787581c4a9f3b4fa5fc212835bb provider=offline model=- prompt=bcd93ad4 review=edited
@control:opensearch-domain-in-vpc @service:opensearch @severity:critical @category:public-access @maps:AWS-FSBP:Opensearch.2 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: OpenSearch domains are reachable only from inside a VPC
  No OpenSearch Service domain may have a public endpoint: every domain must be placed in a VPC, with VPC subnets configured.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: the domain is placed in VPC subnets
    Then "DescribeDomain.DomainStatus.VPCOptions.SubnetIds" must not be empty
