# controlbot: request-sha256=e9fcc14a9324ab5670e542c8eb326002d6ec3ce046e7e1d149aad4d039ae046c provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:apigatewayv2-domain-name-tls12 @service:apigatewayv2 @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: API Gateway v2 custom domain names only accept TLS 1.2
  Every endpoint configuration of every API Gateway v2 custom domain name must use the TLS_1_2 security policy; TLS_1_0 is not allowed.

  Background:
    Given the resources listed by "apigatewayv2.GetDomainNames" at "Items" identified by "DomainName"

  Scenario: every endpoint configuration uses TLS 1.2
    Then "DomainNameConfigurations[].SecurityPolicy" must be "TLS_1_2"
