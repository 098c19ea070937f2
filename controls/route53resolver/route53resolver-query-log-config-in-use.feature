# controlbot: request-sha256=cc2772219073a9309100792f9353ef2cd04956a2e847af43a301945834c241a5 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:route53resolver-query-log-config-in-use @service:route53resolver @severity:low @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Route 53 Resolver query logging configurations are active and attached to VPCs
  Every Resolver query logging configuration must be in the CREATED state and be associated with at least one VPC, so that DNS queries from VPC resources are actually logged.

  Background:
    Given the resources listed by "route53resolver.ListResolverQueryLogConfigs" at "ResolverQueryLogConfigs" identified by "Id"

  Scenario: the configuration is created and logs at least one VPC
    Then "Status" must be "CREATED"
    And "AssociationCount" must be at least 1
