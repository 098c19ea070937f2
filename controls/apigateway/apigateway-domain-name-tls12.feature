# controlbot: request-sha256=b2165b2641bf45b799c2f9caaf62673c61836e2f1fd53083ae5563627bb429ec provider=offline model=- prompt=bcd93ad4 review=edited
@control:apigateway-domain-name-tls12 @service:apigateway @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: API Gateway custom domain names only accept TLS 1.2 or later
  Every custom domain name of API Gateway must use a security policy that requires TLS 1.2 or later; TLS_1_0 is not allowed.

  Background:
    Given the resources listed by "apigateway.GetDomainNames" at "items" identified by "domainName"

  Scenario: the security policy has a TLS 1.2 floor
    Then "securityPolicy" must not be "TLS_1_0"
