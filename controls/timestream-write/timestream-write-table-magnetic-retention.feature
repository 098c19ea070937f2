# controlbot: request-sha256=d3b0587517fcba28c374cdfd370987756cdb3ea30c9e14932674cdfd3e661e73 provider=offline model=- prompt=bcd93ad4 review=edited
@control:timestream-write-table-magnetic-retention @service:timestream-write @severity:low @category:backup-recovery @maps:NIST-800-53:SI-12
Feature: Timestream tables retain data in the magnetic store for at least a year
  Every active Timestream table must keep its records in the magnetic store for at least 365 days before they are deleted.

  Background:
    Given the resources listed by "timestream-write.ListTables" at "Tables" identified by "Arn"

  Scenario: magnetic store retention is at least 365 days
    When only resources where "TableStatus" is "ACTIVE"
    Then "RetentionProperties.MagneticStoreRetentionPeriodInDays" must be at least 365
