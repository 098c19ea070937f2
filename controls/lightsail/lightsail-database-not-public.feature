# controlbot: request-sha256=904b28455b20320f8d6dc603ff7c79250e6c5058d0770107940c83aaec252c9c provider=offline model=- prompt=bcd93ad4 review=edited
@control:lightsail-database-not-public @service:lightsail @severity:high @category:public-access @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-3
Feature: Lightsail managed databases are not publicly accessible
  No Lightsail managed database may be in public mode; databases must only be reachable from Lightsail resources in the same Region.

  Background:
    Given the resources listed by "lightsail.GetRelationalDatabases" at "relationalDatabases" identified by "name"

  Scenario: the database is not in public mode
    When only resources where "resourceType" is "RelationalDatabase"
    Then "publiclyAccessible" must be false
