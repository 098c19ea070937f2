# controlbot: request-sha256=9f1998cf5e6b83bac1f62cdb97bd86fb6c03a6e9253a75f38ccdb7f19b28d278 provider=offline model=- prompt=bcd93ad4 review=edited
@control:acm-pca-root-ca-disabled @service:acm-pca @severity:low @category:other @maps:AWS-FSBP:PCA.1 @maps:NIST-800-53:SC-17
Feature: Private CA root certificate authorities are disabled for everyday use
  Every root certificate authority in AWS Private CA must be in the DISABLED state; certificates should be issued by subordinate CAs, with the root enabled only for the rare operations that need it.

  Background:
    Given the resources listed by "acm-pca.ListCertificateAuthorities" at "CertificateAuthorities" identified by "Arn"

  Scenario: the root CA is disabled
    When only resources where "Type" is "ROOT"
    And only resources where "Status" is not "DELETED"
    Then "Status" must be "DISABLED"
