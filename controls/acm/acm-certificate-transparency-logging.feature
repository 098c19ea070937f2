# controlbot: request-sha256=6d2bffc17c6207a46cf02ce8b9dd317052820bbcaaba4d5b244bd9b0a647a2d3 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:acm-certificate-transparency-logging @service:acm @severity:low @category:monitoring @maps:NIST-800-53:SC-17 @maps:NIST-800-53:SI-4
Feature: ACM-issued certificates are published to certificate transparency logs
  Every certificate that ACM issues (type AMAZON_ISSUED) must keep certificate transparency logging enabled, so that mis-issued certificates for our domains can be detected.

  Background:
    Given the resources listed by "acm.ListCertificates" at "CertificateSummaryList" identified by "CertificateArn" with "Includes" set to {"keyTypes": ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"]}
    And each resource is enriched by "acm.DescribeCertificate" with "CertificateArn" from "CertificateArn"

  Scenario: transparency logging is enabled
    When only resources where "DescribeCertificate.Certificate.Type" is "AMAZON_ISSUED"
    Then "DescribeCertificate.Certificate.Options.CertificateTransparencyLoggingPreference" must be "ENABLED"
