# controlbot: request-sha256=834ef37580e16cef9b72f674816a4af748eb23db0c49409235cc8bd5d54a3c95 provider=offline model=- prompt=bcd93ad4 review=edited
@control:elbv2-load-balancer-deletion-protection @service:elbv2 @severity:medium @category:deletion-protection @maps:AWS-FSBP:ELB.6 @maps:NIST-800-53:CM-3 @maps:NIST-800-53:SC-5
Feature: Application, Network and Gateway Load Balancers are protected from deletion
  Every Application, Network and Gateway Load Balancer must have deletion protection enabled (the attribute deletion_protection.enabled is "true").

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: deletion protection is enabled
    Then "DescribeLoadBalancerAttributes.Attributes[?Key=='deletion_protection.enabled'].Value | [0]" must be "true"
