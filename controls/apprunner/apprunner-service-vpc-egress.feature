# controlbot: request-sha256=47e2b43a08c61da62b0b13d7b422997e9fba6222d739e529ed7593191db98788 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:apprunner-service-vpc-egress @service:apprunner @severity:medium @category:network @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: App Runner services send outbound traffic through a VPC
  Every App Runner service must route its outbound traffic through a VPC connector (egress type VPC), so that it reaches private resources and the internet under the account's own security groups, NAT and network controls.

  Background:
    Given the resources listed by "apprunner.ListServices" at "ServiceSummaryList" identified by "ServiceArn"
    And each resource is enriched by "apprunner.DescribeService" with "ServiceArn" from "ServiceArn"

  Scenario: outbound traffic goes through a VPC connector
    Then "DescribeService.Service.NetworkConfiguration.EgressConfiguration.EgressType" must be "VPC"
