# controlbot: request-sha256=34956473fa469141655aae757fbe006d715321196e57d88bac0863630f548cfb provider=offline model=- prompt=bcd93ad4 review=accepted
@control:memorydb-cluster-tls-enabled @service:memorydb @severity:high @category:encryption-in-transit @maps:NIST-800-53:SC-8
Feature: MemoryDB clusters encrypt client connections with TLS
  In-transit encryption (TLS) must be enabled on every MemoryDB cluster.

  Background:
    Given the resources listed by "memorydb.DescribeClusters" at "Clusters" identified by "Name"

  Scenario: TLS is enabled
    Then "TLSEnabled" must be true
