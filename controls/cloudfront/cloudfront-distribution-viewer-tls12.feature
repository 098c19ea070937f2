# controlbot: request-sha256=644762787924e85426317684c7c287fbf69602a620522c349078433910265fbe provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudfront-distribution-viewer-tls12 @service:cloudfront @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: CloudFront distributions accept viewer connections on TLS 1.2 or later only
  Every distribution must use its own certificate served with SNI and a viewer minimum protocol version of TLS 1.2 or later (a TLSv1.2_* security policy).

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"

  Scenario: viewers negotiate TLS 1.2 or later on an SNI certificate
    Then "ViewerCertificate.MinimumProtocolVersion" must be one of ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.3_2025", "TLSv1.2_2025"]
    And "ViewerCertificate.SSLSupportMethod" must be "sni-only"
