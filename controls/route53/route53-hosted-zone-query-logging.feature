# controlbot: request-sha256=191c877971d634980f5156c264bb99a6f68798a2ec370832beb4742f1f86546c provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:route53-hosted-zone-query-logging @service:route53 @severity:medium @category:logging @maps:AWS-FSBP:Route53.2 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Route 53 public hosted zones log DNS queries
  Every public hosted zone must have a query logging configuration that sends its DNS query logs to CloudWatch Logs. Private hosted zones are not concerned.

  Background:
    Given the resources listed by "route53.ListHostedZones" at "HostedZones" identified by "Id"
    And each resource is enriched by "route53.ListQueryLoggingConfigs" with "HostedZoneId" from "Id"

  Scenario: DNS queries are logged to CloudWatch Logs
    When only resources where "Config.PrivateZone" is not true
    Then at least one element of "ListQueryLoggingConfigs.QueryLoggingConfigs[].CloudWatchLogsLogGroupArn" must not be empty
