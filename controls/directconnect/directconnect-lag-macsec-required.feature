# controlbot: request-sha256=96b61e5c148b51c2426045022440378a3e37f5d89c850ac279c4e046e490b85c provider=offline model=- prompt=bcd93ad4 review=edited
@control:directconnect-lag-macsec-required @service:directconnect @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: MACsec-capable Direct Connect LAGs require encryption
  Every Direct Connect link aggregation group (LAG) that is MACsec capable must have its encryption mode set to must_encrypt.

  Background:
    Given the resources listed by "directconnect.DescribeLags" at "lags" identified by "lagId"

  Scenario: MACsec encryption is mandatory
    When only resources where "macSecCapable" is true
    Then "encryptionMode" must be "must_encrypt"
