# controlbot: request-sha256=f3b28f8c96965e40ea8ad5ce92f34a91f3add76844e62d38dfe8713381b9d2c5 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elasticache-cluster-auto-minor-version-upgrade @service:elasticache @severity:medium @category:patching-runtime @maps:AWS-FSBP:ElastiCache.2 @maps:NIST-800-53:SI-2
Feature: ElastiCache clusters apply minor engine upgrades automatically
  Automatic minor version upgrades must be enabled on every cache cluster so that engine security fixes are applied in the maintenance window.

  Background:
    Given the resources listed by "elasticache.DescribeCacheClusters" at "CacheClusters" identified by "CacheClusterId"

  Scenario: minor version upgrades are automatic
    Then "AutoMinorVersionUpgrade" must be true
