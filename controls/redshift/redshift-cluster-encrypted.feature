# controlbot: request-sha256=c078e014eca087ecbbebbb93b48f0497788a8787b9addc6c39745f5357cb7744 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:redshift-cluster-encrypted @service:redshift @severity:high @category:encryption-at-rest @maps:AWS-FSBP:Redshift.10 @maps:NIST-800-53:SC-28
Feature: Redshift clusters encrypt their data at rest
  Every provisioned Redshift cluster must have encryption at rest enabled for its data blocks and snapshots.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"

  Scenario: the cluster is encrypted at rest
    Then "Encrypted" must be true
