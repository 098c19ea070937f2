# controlbot: request-sha256=1ef6560db0fa0992b34e6a87ddb876d393131973620040e88fdfaee415985db3 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elb-load-balancer-cross-zone @service:elb @severity:medium @category:other @maps:AWS-FSBP:ELB.9 @maps:NIST-800-53:SC-5 @maps:NIST-800-53:CP-10
Feature: Classic Load Balancers balance load across Availability Zones
  Every Classic Load Balancer must have cross-zone load balancing enabled, so that traffic is spread evenly over the registered instances of all its zones.

  Background:
    Given the resources listed by "elb.DescribeLoadBalancers" at "LoadBalancerDescriptions" identified by "LoadBalancerName"
    And each resource is enriched by "elb.DescribeLoadBalancerAttributes" with "LoadBalancerName" from "LoadBalancerName"

  Scenario: cross-zone load balancing is enabled
    Then "DescribeLoadBalancerAttributes.LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled" must be true
