# controlbot: request-sha256=e06a9efd2802f669d411abc19e117d9373972ab9b1926fdcbe856d2f0df3ff9b provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elb-load-balancer-connection-draining @service:elb @severity:low @category:other @maps:AWS-FSBP:ELB.7 @maps:NIST-800-53:SC-5 @maps:NIST-800-53:CP-10
Feature: Classic Load Balancers drain connections before deregistering instances
  Every Classic Load Balancer must have connection draining enabled, so that in-flight requests complete when an instance is deregistered or unhealthy.

  Background:
    Given the resources listed by "elb.DescribeLoadBalancers" at "LoadBalancerDescriptions" identified by "LoadBalancerName"
    And each resource is enriched by "elb.DescribeLoadBalancerAttributes" with "LoadBalancerName" from "LoadBalancerName"

  Scenario: connection draining is enabled
    Then "DescribeLoadBalancerAttributes.LoadBalancerAttributes.ConnectionDraining.Enabled" must be true
