# controlbot: request-sha256=17bc2626bfd41f6602b485baebfb458002f15182100ade734d31574e949d08be provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:codeartifact-domain-customer-kms-key @service:codeartifact @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: CodeArtifact domains encrypt packages with a customer managed KMS key
  Every CodeArtifact domain must encrypt its package assets and metadata with a customer managed KMS key rather than the AWS managed aws/codeartifact key.

  Background:
    Given the resources listed by "codeartifact.ListDomains" at "domains" identified by "arn"

  Scenario: the domain key is customer managed
    # a control may not call kms.DescribeKey on another service's resource, and a key ARN does not say who manages the key
    Then "encryptionKey" must match "^arn:aws[a-z-]*:kms:"
    And manual: run kms DescribeKey on the domain's encryptionKey and confirm that KeyMetadata.KeyManager is CUSTOMER
