# controlbot: request-sha256=b5fa518fc438dbb6607e69b982973852860f6f2f1639903d95017d74954b4ead provider=offline model=- prompt=bcd93ad4 review=accepted
@control:apprunner-service-customer-kms-key @service:apprunner @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: App Runner services encrypt their source and image copies with a customer managed KMS key
  Every App Runner service must name a customer managed KMS key in its encryption configuration, which protects the stored copy of its source code or image and its configuration.

  Background:
    Given the resources listed by "apprunner.ListServices" at "ServiceSummaryList" identified by "ServiceArn"
    And each resource is enriched by "apprunner.DescribeService" with "ServiceArn" from "ServiceArn"

  Scenario: a customer managed KMS key is named
    Then "DescribeService.Service.EncryptionConfiguration.KmsKey" must be present
