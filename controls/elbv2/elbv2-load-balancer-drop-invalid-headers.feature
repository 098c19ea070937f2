# controlbot: request-sha256=3d4a9c820e97647fe657811a97b6c7d706aa26120f90da4bf8a7d23f4a74a9ff provider=offline model=- prompt=bcd93ad4 review=accepted
@control:elbv2-load-balancer-drop-invalid-headers @service:elbv2 @severity:medium @category:network @maps:AWS-FSBP:ELB.4 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SI-10
Feature: Application Load Balancers drop HTTP headers with invalid names
  Every Application Load Balancer must remove HTTP headers whose names are not valid before forwarding requests (attribute routing.http.drop_invalid_header_fields.enabled is "true").

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: invalid header fields are dropped
    When only resources where "Type" is "application"
    Then "DescribeLoadBalancerAttributes.Attributes[?Key=='routing.http.drop_invalid_header_fields.enabled'].Value | [0]" must be "true"
