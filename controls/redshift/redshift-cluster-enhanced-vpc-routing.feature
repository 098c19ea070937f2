# controlbot: request-sha256=195945d587b8ae5f1ddc9567b34818cd60358797023f90b65aa8d7b62f13ceb0 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:redshift-cluster-enhanced-vpc-routing @service:redshift @severity:medium @category:network @maps:AWS-FSBP:Redshift.7 @maps:NIST-800-53:SC-7
Feature: Redshift clusters route COPY and UNLOAD traffic through their VPC
  Every provisioned Redshift cluster must have enhanced VPC routing enabled, so that COPY and UNLOAD traffic to data repositories stays within the VPC and its controls.

  Background:
    Given the resources listed by "redshift.DescribeClusters" at "Clusters" identified by "ClusterIdentifier"

  Scenario: enhanced VPC routing is enabled
    Then "EnhancedVpcRouting" must be true
