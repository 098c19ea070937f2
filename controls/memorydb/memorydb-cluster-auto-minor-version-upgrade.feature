# controlbot: request-sha256=19900097f7ca61e3609fa97f5cf728cf0a0335b957e60ee9d79e9ffc36b0ea30 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:memorydb-cluster-auto-minor-version-upgrade @service:memorydb @severity:low @category:patching-runtime @maps:NIST-800-53:SI-2
Feature: MemoryDB clusters apply minor engine upgrades automatically
  Automatic minor version upgrades must be enabled on every MemoryDB cluster so that engine security fixes are applied during the maintenance window.

  Background:
    Given the resources listed by "memorydb.DescribeClusters" at "Clusters" identified by "Name"

  Scenario: minor version upgrades are automatic
    Then "AutoMinorVersionUpgrade" must be true
