# controlbot: request-sha256=702bbd164c141699c5f8772e01535346321e5f4d3a8c9455cf8d0f1ee5563239 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:redshift-cluster-automatic-version-upgrade @service:redshift @severity:medium @category:patching-runtime @maps:AWS-FSBP:Redshift.6 @maps:NIST-800-53:SI-2
Feature: Redshift clusters receive engine version upgrades automatically
  Every provisioned Redshift cluster must allow version upgrades, so that new engine versions are applied during its maintenance window.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"

  Scenario: version upgrades are allowed
    Then "AllowVersionUpgrade" must be true
