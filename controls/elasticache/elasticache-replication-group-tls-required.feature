# controlbot: request-sha256=f32e840eb6d11e42ed357e391727d332640fcf9140f814107d11658a96bcf912 provider=human model=- prompt=-
@control:elasticache-replication-group-tls-required @service:elasticache @severity:high @category:encryption-in-transit
@maps:NIST-800-53:SC-8
Feature: ElastiCache replication groups only accept TLS connections
  In-transit encryption must be enabled in required mode; preferred mode still lets plaintext clients in.

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: TLS is enabled and required
    Then "TransitEncryptionEnabled" must be true
    And "TransitEncryptionMode" must be "required"
