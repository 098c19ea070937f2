# controlbot: request-sha256=de37e79ea2b96ee39a0f5722876d468fa1d123c4857e2964ed89af4fc7e56fe1 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:bedrock-custom-model-customer-managed-key @service:bedrock @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: Bedrock custom models are encrypted with a customer managed KMS key
  Every custom model (fine-tuned, continued pre-training, distilled or imported) must be encrypted with a customer managed KMS key.

  Background:
    Given the resources listed by "bedrock.ListCustomModels" at "modelSummaries" identified by "modelArn"
    And each resource is enriched by "bedrock.GetCustomModel" with "modelIdentifier" from "modelArn"

  Scenario: the custom model names a customer managed KMS key
    Then "GetCustomModel.modelKmsKeyArn" must not be empty
