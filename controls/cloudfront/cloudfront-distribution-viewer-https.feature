# controlbot: request-sha256=bcc703091a2bc503eafc63221d2ba274309424d02e82e9f7d5a8118508cb0190 provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudfront-distribution-viewer-https @service:cloudfront @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:CloudFront.3 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-23
Feature: CloudFront distributions only serve viewers over HTTPS
  The default cache behavior and every other cache behavior of each distribution must have a viewer protocol policy of "https-only" or "redirect-to-https"; "allow-all" is not allowed.

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"

  Scenario: every cache behavior requires HTTPS
    Then "DefaultCacheBehavior.ViewerProtocolPolicy" must be one of ["https-only", "redirect-to-https"]
    And each element of "CacheBehaviors.Items[].ViewerProtocolPolicy", if any, must be one of ["https-only", "redirect-to-https"]
