# controlbot: request-sha256=8c598570d061196c1d6ca79926dd2964923b4e7c00cec518853eb66ae121451d provider=offline model=- prompt=bcd93ad4 review=edited
@control:elasticache-replication-group-automatic-failover @service:elasticache @severity:medium @category:backup-recovery @maps:AWS-FSBP:ElastiCache.3 @maps:NIST-800-53:CP-10 @maps:NIST-800-53:SC-36
Feature: ElastiCache replication groups fail over automatically
  Automatic failover must be enabled on every replication group, so that a replica is promoted when the primary node fails.

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: automatic failover is enabled
    Then "AutomaticFailover" must be "enabled"
