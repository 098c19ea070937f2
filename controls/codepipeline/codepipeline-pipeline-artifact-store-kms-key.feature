# controlbot: request-sha256=3309aa1123993c602988f5d5029ac59d748ffe35fbdda32924d8d8958501befa provider=offline model=- prompt=bcd93ad4 review=edited
@control:codepipeline-pipeline-artifact-store-kms-key @service:codepipeline @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: CodePipeline artifact stores are encrypted with a customer managed KMS key
  Every pipeline must name a KMS key for its S3 artifact store (and, for a cross-Region pipeline, for the artifact store of every Region), instead of relying on the default aws/s3 key.

  Background:
    Given the resources listed by "codepipeline.ListPipelines" at "pipelines" identified by "name"
    And each resource is enriched by "codepipeline.GetPipeline" with "name" from "name"

  Scenario: every artifact store names a KMS key
    # one store (artifactStore) or one per Region (artifactStores); plain projection: every store needs a key
    Then "GetPipeline.pipeline.[artifactStore, values(artifactStores || `{}`)] | [] | [?type].encryptionKey.id" must not be empty
