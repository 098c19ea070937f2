# controlbot: request-sha256=5243beffbb16e4fca272fa664af585d427cf261b848f6c241004009405ac691a provider=offline model=- prompt=bcd93ad4 review=edited
@control:acm-certificate-not-expired @service:acm @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-12 @maps:NIST-800-53:SC-17
Feature: ACM certificates are neither expired nor revoked, and managed renewals do not fail
  No certificate in ACM may be in the EXPIRED or REVOKED state, and no certificate that ACM renews may report a FAILED renewal.

  Background:
    Given the resources listed by "acm.ListCertificates" at "CertificateSummaryList" identified by "CertificateArn" with "Includes" set to {"keyTypes": ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"]}
    And each resource is enriched by "acm.DescribeCertificate" with "CertificateArn" from "CertificateArn"

  Scenario: the certificate is not expired or revoked
    Then "Status" must not be one of ["EXPIRED", "REVOKED"]

  Scenario: a managed renewal has not failed
    When only resources where "DescribeCertificate.Certificate.RenewalSummary.RenewalStatus" is present
    Then "DescribeCertificate.Certificate.RenewalSummary.RenewalStatus" must not be "FAILED"
