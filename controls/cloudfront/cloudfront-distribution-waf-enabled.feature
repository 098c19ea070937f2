# controlbot: request-sha256=e1edba86f5517a18739b8f492dd63cc6034eb175977cfeedbfe93bd0ae8891e4 provider=human model=- prompt=-
@control:cloudfront-distribution-waf-enabled @service:cloudfront @severity:medium @category:network @maps:AWS-FSBP:CloudFront.6 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:SI-4
Feature: CloudFront distributions are protected by an AWS WAF web ACL
  Every distribution must be associated with an AWS WAF web ACL (WebACLId is not empty).

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"

  Scenario: a web ACL is associated
    Then "WebACLId" must not be empty
