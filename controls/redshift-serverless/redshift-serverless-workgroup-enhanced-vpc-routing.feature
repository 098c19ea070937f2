# controlbot: request-sha256=3eb1ed79b2d340d8b910fea6d6a108465f2f5c45a56d0ab0be3294d719ef65db provider=offline model=- prompt=bcd93ad4 review=accepted
@control:redshift-serverless-workgroup-enhanced-vpc-routing @service:redshift-serverless @severity:high @category:network @maps:AWS-FSBP:RedshiftServerless.1 @maps:NIST-800-53:SC-7
Feature: Redshift Serverless workgroups route COPY and UNLOAD traffic through their VPC
  Every Redshift Serverless workgroup must have enhanced VPC routing enabled.

  Background:
    Given the resources listed by "redshift-serverless.ListWorkgroups" at "workgroups" identified by "workgroupId"

  Scenario: enhanced VPC routing is enabled
    Then "enhancedVpcRouting" must be true
