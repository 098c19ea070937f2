# controlbot: request-sha256=eea69420ffd581cb311e81a41e71ded1c652821706f42127101e3167de950645 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:route53-hosted-zone-dnssec-signing @service:route53 @severity:medium @category:other @maps:NIST-800-53:SC-20 @maps:NIST-800-53:SC-8
Feature: Route 53 public hosted zones sign their records with DNSSEC
  Every public hosted zone must have DNSSEC signing enabled, with the zone's DNSSEC status reported as SIGNING. Private hosted zones are not concerned.

  Background:
    Given the resources listed by "route53.ListHostedZones" at "HostedZones" identified by "Id"
    And each resource is enriched by "route53.GetDNSSEC" with "HostedZoneId" from "Id"

  Scenario: DNSSEC signing is on
    When only resources where "Config.PrivateZone" is not true
    Then "GetDNSSEC.Status.ServeSignature" must be "SIGNING"
