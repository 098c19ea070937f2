# controlbot: request-sha256=c0cc0818cc884e0575e26846d70aa43eaf6679824140550c9a043a86bbab1ece provider=offline model=- prompt=bcd93ad4 review=accepted
@control:bedrock-guardrail-customer-managed-key @service:bedrock @severity:low @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Bedrock guardrails are encrypted with a customer managed KMS key
  Every guardrail must be encrypted with a customer managed KMS key.

  Background:
    Given the resources listed by "bedrock.ListGuardrails" at "guardrails" identified by "id"
    And each resource is enriched by "bedrock.GetGuardrail" with "guardrailIdentifier" from "id"

  Scenario: the guardrail names a customer managed KMS key
    Then "GetGuardrail.kmsKeyArn" must be present
