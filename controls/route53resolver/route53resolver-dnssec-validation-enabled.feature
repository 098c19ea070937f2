# controlbot: request-sha256=32dfdaae215ca3437d48f10b3312dd3087108a345313949031d674ad93d42856 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:route53resolver-dnssec-validation-enabled @service:route53resolver @severity:low @category:other @maps:NIST-800-53:SC-21 @maps:NIST-800-53:SI-10
Feature: Route 53 Resolver validates DNSSEC signatures for VPCs
  For every VPC that has a Resolver DNSSEC configuration, DNSSEC validation must be enabled (ValidationStatus ENABLED); DISABLED and disabling are not allowed.

  Background:
    Given the resources listed by "route53resolver.ListResolverDnssecConfigs" at "ResolverDnssecConfigs" identified by "ResourceId"

  Scenario: DNSSEC validation is enabled
    Then "ValidationStatus" must be "ENABLED"
