# controlbot: request-sha256=d3e330bff684836334b4bdf20b9fac059ee40d1417d758a7744e73326e08ef25 provider=offline model=- prompt=bcd93ad4 review=edited
@control:redshift-serverless-workgroup-not-publicly-accessible @service:redshift-serverless @severity:critical @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Redshift Serverless workgroups are not reachable from the public internet
  No Redshift Serverless workgroup may be publicly accessible.

  Background:
    Given the resources listed by "redshift-serverless.ListWorkgroups" at "workgroups" identified by "workgroupId"

  Scenario: the workgroup is not publicly accessible
    Then "publiclyAccessible" must be false
