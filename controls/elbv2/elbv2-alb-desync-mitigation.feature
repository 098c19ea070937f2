# controlbot: request-sha256=809d7693b662acaf835e135b7d0616b773c7f627659aff46d7cf7d5c806ca28c provider=offline model=- prompt=bcd93ad4 review=edited
@control:elbv2-alb-desync-mitigation @service:elbv2 @severity:medium @category:network @maps:AWS-FSBP:ELB.12 @maps:NIST-800-53:SI-10 @maps:NIST-800-53:SC-8
Feature: Application Load Balancers use defensive or strictest desync mitigation
  Every Application Load Balancer must set its HTTP desync mitigation mode (attribute routing.http.desync_mitigation_mode) to "defensive" or "strictest"; "monitor" is not allowed.

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: desync mitigation is defensive or strictest
    When only resources where "Type" is "application"
    Then "DescribeLoadBalancerAttributes.Attributes[?Key=='routing.http.desync_mitigation_mode'].Value | [0]" must be one of ["defensive", "strictest"]
