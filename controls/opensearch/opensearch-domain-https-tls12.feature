# controlbot: request-sha256=afef1ca610428806670704deb5cb4ebd5851a3c501ca4f750198aa2ff42cfd02 provider=offline model=- prompt=bcd93ad4 review=edited
@control:opensearch-domain-https-tls12 @service:opensearch @severity:high @category:encryption-in-transit @maps:AWS-FSBP:Opensearch.8 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: OpenSearch domains accept only HTTPS with TLS 1.2 or later
  Every OpenSearch Service domain must require HTTPS on its endpoint and use a TLS security policy that allows only TLS 1.2 or later.

  Background:
    Given the resources listed by "opensearch.ListDomainNames" at "DomainNames" identified by "DomainName"
    And each resource is enriched by "opensearch.DescribeDomain" with "DomainName" from "DomainName"

  Scenario: HTTPS is required with TLS 1.2 or later
    Then "DescribeDomain.DomainStatus.DomainEndpointOptions.EnforceHTTPS" must be true
    And "DescribeDomain.DomainStatus.DomainEndpointOptions.TLSSecurityPolicy" must be one of ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10", "Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08", "Policy-Min-TLS-1-2-FIPS-PQ-2026-10"]
