# controlbot: request-sha256=0e332e407b9cfae486823903705f50274107cca2aea947003ffdf3efac28cf2a provider=offline model=- prompt=bcd93ad4 review=edited
@control:amplify-app-waf-associated @service:amplify @severity:medium @category:network @maps:NIST-800-53:SC-7 @maps:NIST-800-53:SI-4
Feature: Amplify apps are protected by an AWS WAF web ACL
  Every Amplify hosted app must have an AWS WAF web ACL associated with it, with the association in place (status ASSOCIATION_SUCCESS).

  Background:
    Given the resources listed by "amplify.ListApps" at "apps" identified by "appId"

  Scenario: a web ACL is associated with the app
    Then "wafConfiguration.wafStatus" must be "ASSOCIATION_SUCCESS"
