# controlbot: request-sha256=a06ab6be9fc44a668b775766eb586dad40f4e378215f74b8402a1a9b7067f6a5 provider=offline model=- prompt=bcd93ad4 review=edited
@control:acm-certificate-rsa-key-length @service:acm @severity:high @category:encryption-in-transit @maps:AWS-FSBP:ACM.2 @maps:NIST-800-53:SC-12 @maps:NIST-800-53:SC-13
Feature: ACM certificates with RSA keys use at least 2048 bits
  Every certificate in ACM that uses an RSA key must have a key of at least 2048 bits; RSA_1024 keys are not allowed. Elliptic curve keys comply.

  Background:
    Given the resources listed by "acm.ListCertificates" at "CertificateSummaryList" identified by "CertificateArn" with "Includes" set to {"keyTypes": ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"]}

  Scenario: the key is not a 1024-bit RSA key
    Then "KeyAlgorithm" must not be one of ["RSA_1024"]
