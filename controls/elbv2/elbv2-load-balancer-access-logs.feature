# controlbot: request-sha256=9be8ed953a16ec44f34c4f7a348e44f9dec5b44be8e27fd74d073ac6a0d4b4bc provider=offline model=- prompt=bcd93ad4 review=edited
@control:elbv2-load-balancer-access-logs @service:elbv2 @severity:medium @category:logging @maps:AWS-FSBP:ELB.5 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Application Load Balancers deliver access logs to S3
  Every Application Load Balancer must have access logging enabled (attribute access_logs.s3.enabled is "true") with a destination bucket set in access_logs.s3.bucket.

  Background:
    Given the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"
    And each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from "LoadBalancerArn"

  Scenario: access logs are delivered to a bucket
    When only resources where "Type" is "application"
    Then "DescribeLoadBalancerAttributes.Attributes[?Key=='access_logs.s3.enabled'].Value | [0]" must be "true"
    And "DescribeLoadBalancerAttributes.Attributes[?Key=='access_logs.s3.bucket'].Value | [0]" must not be empty
