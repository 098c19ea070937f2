# controlbot: request-sha256=8352ea34f8f2cc525f54b781059f207864fcf5bee72fe6344fc2c96451d57372 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elb-load-balancer-tls12-ssl-policy @service:elb @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:ELB.8 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: Classic Load Balancers with secure listeners negotiate with a TLS 1.2 predefined policy
  Every Classic Load Balancer that has an HTTPS or SSL listener must have an SSL negotiation policy that references the predefined security policy ELBSecurityPolicy-TLS-1-2-2017-01.

  Background:
    Given the resources listed by "elb.DescribeLoadBalancers" at "LoadBalancerDescriptions" identified by "LoadBalancerName"
    And each resource is enriched by "elb.DescribeLoadBalancerPolicies" with "LoadBalancerName" from "LoadBalancerName" and "PolicyNames" from "ListenerDescriptions[?Listener.Protocol == 'HTTPS' || Listener.Protocol == 'SSL'].PolicyNames[]"

  Scenario: secure listeners reference the TLS 1.2 predefined policy
    When only resources where "length(ListenerDescriptions[?Listener.Protocol == 'HTTPS' || Listener.Protocol == 'SSL']) > `0`" is true
    Then "DescribeLoadBalancerPolicies.PolicyDescriptions[?PolicyTypeName == 'SSLNegotiationPolicyType'].PolicyAttributeDescriptions[] | [?AttributeName == 'Reference-Security-Policy'].AttributeValue" must be "ELBSecurityPolicy-TLS-1-2-2017-01"
