# controlbot: request-sha256=b8f944f3b67e95510c997b870751d35bc69d99499213f7049680fd87b00fd84f provider=offline model=- prompt=bcd93ad4 review=edited
@control:elb-load-balancer-access-logs @service:elb @severity:medium @category:logging @maps:AWS-FSBP:ELB.5 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Classic Load Balancers deliver access logs to S3
  Every Classic Load Balancer must have access logging enabled with an S3 bucket as its destination.

  Background:
    Given the resources listed by "elb.DescribeLoadBalancers" at "LoadBalancerDescriptions" identified by "LoadBalancerName"
    And each resource is enriched by "elb.DescribeLoadBalancerAttributes" with "LoadBalancerName" from "LoadBalancerName"

  Scenario: access logs are delivered to a bucket
    Then "DescribeLoadBalancerAttributes.LoadBalancerAttributes.AccessLog.Enabled" must be true
    And "DescribeLoadBalancerAttributes.LoadBalancerAttributes.AccessLog.S3BucketName" must not be empty
