# controlbot: request-sha256=bb51d9e82b182fc87a3c5a7ce828e8adb2cb28a13bc53fc3ee9b87821c73451c provider=offline model=- prompt=bcd93ad4 review=edited
@control:elbv2-listener-tls12-policy @service:elbv2 @severity:high @category:encryption-in-transit @maps:AWS-FSBP:ELB.17 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: HTTPS and TLS listeners of load balancers only negotiate TLS 1.2 or later
  Every HTTPS or TLS listener of an Application or Network Load Balancer must use a predefined security policy that allows only TLS 1.2 or later.

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeListeners" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: every HTTPS or TLS listener uses a TLS 1.2 floor policy
    Then each element of "DescribeListeners.Listeners[?Protocol == 'HTTPS' || Protocol == 'TLS'].SslPolicy", if any, must match "^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-"
