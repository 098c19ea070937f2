# controlbot: request-sha256=fa00de40e5c84ac2dc81a4f27fd73f0322816711dab725aeb1cc94c1d62756e9 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:securityhub-fsbp-standard-enabled @service:securityhub @severity:medium @category:monitoring @maps:NIST-800-53:CA-7 @maps:NIST-800-53:RA-5
Feature: Security Hub runs the AWS Foundational Security Best Practices standard
  The AWS Foundational Security Best Practices standard must be enabled in Security Hub and its subscription must be ready (not incomplete or failed).

  Background:
    Given the account setting read by "securityhub.GetEnabledStandards"
    And the error "InvalidAccessException" from "securityhub.GetEnabledStandards" means absent

  Scenario: the FSBP standard subscription is ready
    Then at least one element of "GetEnabledStandards.StandardsSubscriptions[?contains(StandardsArn, ':standards/aws-foundational-security-best-practices/')].StandardsStatus" must be "READY"
