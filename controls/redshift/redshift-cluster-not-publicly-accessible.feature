# controlbot: request-sha256=c2aca6bc6824a905c83bbd6877c21c18cad350a1f700a5c470b425d1722b0824 provider=offline model=- prompt=bcd93ad4 review=edited
@control:redshift-cluster-not-publicly-accessible @service:redshift @severity:critical @category:public-access @maps:AWS-FSBP:Redshift.1 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Redshift clusters are not reachable from the public internet
  No provisioned Redshift cluster may be publicly accessible.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"

  Scenario: the cluster is not publicly accessible
    Then "PubliclyAccessible" must be false
