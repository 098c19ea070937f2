# controlbot: request-sha256=6d51bcdf52e1f2b20b1bc1a9699896dba9e86a7c0fc9a380e0fc040be7b7f466 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:memorydb-cluster-automatic-snapshots @service:memorydb @severity:medium @category:backup-recovery @maps:NIST-800-53:CP-9
Feature: MemoryDB clusters keep automatic snapshots
  Automatic snapshots must be on for every MemoryDB cluster: the snapshot retention limit must be at least 1 day.

  Background:
    Given the resources listed by "memorydb.DescribeClusters" at "Clusters" identified by "Name"

  Scenario: automatic snapshots are kept for at least a day
    Then "SnapshotRetentionLimit" must be at least 1
