# controlbot: request-sha256=7527be5837ae5586d98bca2ea84932dc38f87cc324ee0ec2f176000e18f6df44 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elasticache-cluster-not-default-subnet-group @service:elasticache @severity:medium @category:network @maps:AWS-FSBP:ElastiCache.7 @maps:NIST-800-53:SC-7
Feature: ElastiCache clusters use a custom subnet group
  No cache cluster may use the subnet group named "default", which spans the default VPC; each cluster must be placed in a subnet group chosen for it.

  Background:
    Given the resources listed by "elasticache.DescribeCacheClusters" at "CacheClusters" identified by "CacheClusterId"

  Scenario: the cluster is in a subnet group other than default
    Then "CacheSubnetGroupName" must be present
    And "CacheSubnetGroupName" must not be "default"
