# controlbot: request-sha256=6390fb5f3f8993d5d519e943958f8a71fc4eafad899ef80dbd6b46b78217e46a provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudfront-distribution-access-logging @service:cloudfront @severity:medium @category:logging @maps:AWS-FSBP:CloudFront.5 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: CloudFront distributions write standard access logs to S3
  Every distribution must have standard (legacy) access logging enabled with an S3 bucket as its destination.

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"
    And each resource is enriched by "cloudfront.GetDistributionConfig" with "Id" from "Id"

  Scenario: access logs are delivered to a bucket
    Then "GetDistributionConfig.DistributionConfig.Logging.Enabled" must be true
    And "GetDistributionConfig.DistributionConfig.Logging.Bucket" must not be empty
