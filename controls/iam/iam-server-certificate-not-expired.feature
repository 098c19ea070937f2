# controlbot: request-sha256=46695e50daace6d1df1d05d628d659b408b60437c1661f39f4327d9c2e396df7 provider=offline model=- prompt=bcd93ad4 review=edited
@control:iam-server-certificate-not-expired @service:iam @severity:low @category:encryption-in-transit @maps:CIS-AWS-3.0:1.19 @maps:NIST-800-53:SC-12 @maps:NIST-800-53:SC-17
Feature: No expired SSL/TLS certificates are stored in IAM
  Every server certificate stored in IAM must still be valid: its expiration date must not be in the past. Expired certificates must be deleted.

  Background:
    Given the resources listed by "iam.ListServerCertificates" at "ServerCertificateMetadataList" identified by "ServerCertificateId"

  Scenario: the certificate has not expired
    # an expiration date in the future has a negative age, so "at most 0 days old" holds exactly until it passes
    Then "Expiration" must be at most 0 days old
