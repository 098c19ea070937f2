# controlbot: request-sha256=364be925bf94b65f1ce659ac68efe546544e61d69685a9b5df41bbdee9cd10d9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:elb-load-balancer-encrypted-listeners @service:elb @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:ELB.3 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-23
Feature: Classic Load Balancers terminate HTTPS or TLS on every listener
  Every listener of a Classic Load Balancer must use the HTTPS or SSL protocol on the front end; plain HTTP or TCP listeners are not allowed.

  Background:
    Given the resources listed by "elb.DescribeLoadBalancers" at "LoadBalancerDescriptions" identified by "LoadBalancerName"

  Scenario: every listener is HTTPS or SSL
    Then "ListenerDescriptions[].Listener.Protocol" must match "^(?i:https|ssl)$"
