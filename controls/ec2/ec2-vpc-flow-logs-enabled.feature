# controlbot: request-sha256=94673a50a1ee823bed7751e02df53790cd9651fad52ec7760c6fb7d3de8d7183 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:ec2-vpc-flow-logs-enabled @service:ec2 @severity:medium @category:logging @maps:AWS-FSBP:EC2.6 @maps:CIS-AWS-3.0:3.7 @maps:NIST-800-53:AU-12 @maps:NIST-800-53:SI-4
Feature: Every VPC records its network flows
  Each VPC must have at least one active flow log that captures rejected traffic (traffic type REJECT or ALL).

  Background:
    Given the resources listed by "ec2.DescribeVpcs" at "Vpcs" identified by "VpcId"
    And each resource is enriched by "ec2.DescribeFlowLogs" with "Filter" from "[{Name: 'resource-id', Values: [VpcId]}]"

  Scenario: an active flow log captures rejected traffic
    Then the expression "length(DescribeFlowLogs.FlowLogs[?FlowLogStatus == 'ACTIVE' && (TrafficType == 'REJECT' || TrafficType == 'ALL')]) > `0`" must be true
