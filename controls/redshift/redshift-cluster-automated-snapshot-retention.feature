# controlbot: request-sha256=95ace14063fed383d2132ab480d0cfb7b4210fe08cffea9847fbc9ca8b279b6d provider=offline model=- prompt=bcd93ad4 review=accepted
@control:redshift-cluster-automated-snapshot-retention @service:redshift @severity:medium @category:backup-recovery @maps:AWS-FSBP:Redshift.3 @maps:NIST-800-53:CP-9
Feature: Redshift clusters keep automated snapshots for at least seven days
  Every provisioned Redshift cluster must take automated snapshots and keep them for at least 7 days.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"

  Scenario: automated snapshots are kept for at least seven days
    Then "AutomatedSnapshotRetentionPeriod" must be at least 7
