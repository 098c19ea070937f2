# controlbot: request-sha256=f942aa4cc2d02f914cdebf28967e504e5bae3a48e2b2223fd795c64618ffaee9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:timestream-write-table-rejected-data-kms-encrypted @service:timestream-write @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28
Feature: Timestream tables encrypt their rejected-record reports with KMS
  Every Timestream table that accepts magnetic store writes must send its rejected-record reports to an S3 location encrypted with SSE_KMS.

  Background:
    Given the resources listed by "timestream-write.ListTables" at "Tables" identified by "Arn"

  Scenario: rejected-record reports are encrypted with SSE_KMS
    When only resources where "MagneticStoreWriteProperties.EnableMagneticStoreWrites" is true
    Then "MagneticStoreWriteProperties.MagneticStoreRejectedDataLocation.S3Configuration.EncryptionOption" must be "SSE_KMS"
