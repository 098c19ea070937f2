# controlbot: request-sha256=6eae25a0004ca8de471527717f386e318fa4953267e9ef7d825e1cafe87b3a3c provider=offline model=- prompt=bcd93ad4 review=edited
@control:acm-pca-ca-revocation-enabled @service:acm-pca @severity:medium @category:other @maps:NIST-800-53:SC-17 @maps:NIST-800-53:IA-5(2)
Feature: Private CAs publish certificate revocation through a CRL or OCSP
  Every certificate authority that is not deleted must have a certificate revocation list or OCSP enabled, so that revoked certificates can be recognised by relying parties.

  Background:
    Given the resources listed by "acm-pca.ListCertificateAuthorities" at "CertificateAuthorities" identified by "Arn"
    And each resource is enriched by "acm-pca.DescribeCertificateAuthority" with "CertificateAuthorityArn" from "Arn"

  Scenario: a CRL or OCSP is enabled
    When only resources where "DescribeCertificateAuthority.CertificateAuthority.Status" is not "DELETED"
    Then the expression "DescribeCertificateAuthority.CertificateAuthority.RevocationConfiguration.CrlConfiguration.Enabled == `true` || DescribeCertificateAuthority.CertificateAuthority.RevocationConfiguration.OcspConfiguration.Enabled == `true`" must be true
