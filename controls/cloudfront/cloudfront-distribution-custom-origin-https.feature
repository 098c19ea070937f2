# controlbot: request-sha256=ce8a10a020ce2c36eaec1ca3073d7208c6fafa36e2bab5ac798d7632c47e0331 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:cloudfront-distribution-custom-origin-https @service:cloudfront @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:CloudFront.9 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-23
Feature: CloudFront distributions reach their custom origins over HTTPS only
  Every custom origin of each distribution must have an origin protocol policy of "https-only", or "match-viewer" when every viewer is required to use HTTPS; "http-only" is not allowed.

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"

  Scenario: custom origins are reached over HTTPS
    Then each element of "Origins.Items[?CustomOriginConfig].CustomOriginConfig.OriginProtocolPolicy", if any, must be one of ["https-only", "match-viewer"]

  Scenario: match-viewer origins only see HTTPS viewers
    Then the expression "length(Origins.Items[?CustomOriginConfig.OriginProtocolPolicy == 'match-viewer']) == `0` || (DefaultCacheBehavior.ViewerProtocolPolicy != 'allow-all' && length((CacheBehaviors.Items || `[]`)[?ViewerProtocolPolicy == 'allow-all']) == `0`)" must be true
