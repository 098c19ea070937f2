# controlbot: request-sha256=50d991bfb24a426d039a96618ecd84d0543b110914ea4909b55b308d1aeb0e9a provider=offline model=- prompt=bcd93ad4 review=edited
@control:elbv2-alb-http-redirects-to-https @service:elbv2 @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:ELB.1 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-23
Feature: HTTP listeners of Application Load Balancers redirect to HTTPS
  Every HTTP listener of an Application Load Balancer must have a default action that redirects requests to HTTPS, so that no content is served over plain HTTP.

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeListeners" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: every HTTP listener redirects to HTTPS
    When only resources where "Type" is "application"
    Then the expression "length(DescribeListeners.Listeners[?Protocol == 'HTTP' && length(DefaultActions[?Type == 'redirect' && RedirectConfig.Protocol == 'HTTPS']) == `0`]) == `0`" must be true
