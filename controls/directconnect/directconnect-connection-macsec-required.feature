# controlbot: request-sha256=9f7966d5340190662e70718a492b546c9b7e8f8b0468036b6ef48ee540c2bf1c provider=offline model=- prompt=bcd93ad4 review=edited
@control:directconnect-connection-macsec-required @service:directconnect @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: MACsec-capable Direct Connect connections require encryption
  Every Direct Connect connection that is MACsec capable must have its encryption mode set to must_encrypt, so that traffic on the link is never sent in clear.

  Background:
    Given the resources listed by "directconnect.DescribeConnections" at "connections" identified by "connectionId"

  Scenario: MACsec encryption is mandatory
    When only resources where "macSecCapable" is true
    Then "encryptionMode" must be "must_encrypt"
