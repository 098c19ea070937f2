# controlbot: request-sha256=00c57e2a0d7eb0df75cfc6d03a168d6f24aed2c1042d042f1500d21fe1b1bad1 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:sesv2-configuration-set-tls-required @service:sesv2 @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: SES configuration sets only deliver mail over TLS
  Every configuration set must require TLS for delivery to the receiving mail server (TLS policy REQUIRE); messages that cannot be delivered over TLS must not be sent in clear text.

  Background:
    Given the resources listed by "sesv2.ListConfigurationSets" at "ConfigurationSets" identified by "@"
    And each resource is enriched by "sesv2.GetConfigurationSet" with "ConfigurationSetName" from "@"

  Scenario: delivery requires TLS
    Then "GetConfigurationSet.DeliveryOptions.TlsPolicy" must be "REQUIRE"
