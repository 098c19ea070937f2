# controlbot: request-sha256=901adf25697cb4f5686a4c733fa375f771773b14ade78da2cc44f3660725c5a7 provider=offline model=- prompt=bcd93ad4 review=edited
@control:storagegateway-file-gateway-smb-encryption-required @service:storagegateway @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8
Feature: Storage Gateway file gateways require SMB encryption
  Every file gateway (S3 File Gateway or FSx File Gateway) must use an SMB security strategy that requires encryption (MandatoryEncryption or MandatoryEncryptionNoAes128); ClientSpecified and MandatorySigning accept unencrypted SMB sessions.

  Background:
    Given the resources listed by "storagegateway.ListGateways" at "Gateways" identified by "GatewayARN"
    And each resource is enriched by "storagegateway.DescribeSMBSettings" with "GatewayARN" from "GatewayARN"
    # the call is made before the filter: a gateway that is not a file gateway answers InvalidGatewayRequestException
    # and is then left out by the filter; a file gateway with that answer has no strategy and fails
    And the error "InvalidGatewayRequestException" from "storagegateway.DescribeSMBSettings" means absent

  Scenario: SMB sessions must be encrypted
    When only resources where "GatewayType" is one of ["FILE_S3", "FILE_FSX_SMB"]
    Then "DescribeSMBSettings.SMBSecurityStrategy" must be one of ["MandatoryEncryption", "MandatoryEncryptionNoAes128"]
