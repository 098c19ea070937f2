# controlbot: request-sha256=6070a13a8c26eddcb480b2df3b82aa6a006d8e05806ff60c259d057a59c088fd provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-transit-gateway-no-auto-accept @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.23 @maps:NIST-800-53:AC-4 @maps:NIST-800-53:SC-7
Feature: Transit gateways do not accept attachment requests automatically
  Every transit gateway that is not deleted must have automatic acceptance of shared attachments disabled (AutoAcceptSharedAttachments is "disable"), so that another account cannot attach its VPC without approval.

  Background:
    Given the resources listed by "ec2.DescribeTransitGateways" at "TransitGateways" identified by "TransitGatewayId"

  Scenario: shared attachments wait for approval
    When only resources where "State" is one of ["pending", "available", "modifying"]
    Then "Options.AutoAcceptSharedAttachments" must be "disable"
