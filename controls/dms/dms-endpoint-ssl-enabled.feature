# controlbot: request-sha256=ea87a1969fa7fbc24a974f7ce1de17ec87725c98399f9888be8e9a7335d8585c provider=offline model=- prompt=bcd93ad4 review=edited
@control:dms-endpoint-ssl-enabled @service:dms @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:DMS.9 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-8(1)
Feature: DMS endpoints encrypt connections with SSL/TLS
  Every source and target endpoint must connect to its database with SSL/TLS (SSL mode require, verify-ca or verify-full); SSL mode none is not allowed.

  Background:
    Given the resources listed by "dms.DescribeEndpoints" at "Endpoints" identified by "EndpointIdentifier"

  Scenario: the endpoint connects with SSL/TLS
    When only resources where "EngineName" is one of ["mysql", "mariadb", "aurora", "aurora-postgresql", "postgres", "oracle", "sqlserver", "azuredb", "sybase", "db2", "db2-zos", "mongodb", "docdb", "redshift"]
    Then "SslMode" must be one of ["require", "verify-ca", "verify-full"]
