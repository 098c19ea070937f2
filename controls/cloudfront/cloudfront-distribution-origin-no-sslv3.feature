# controlbot: request-sha256=ed530bf94dc0b6e3c322025458176b6d9096604a8f4922049b4e0d84df478239 provider=offline model=- prompt=bcd93ad4 review=edited
@control:cloudfront-distribution-origin-no-sslv3 @service:cloudfront @severity:medium @category:encryption-in-transit @maps:AWS-FSBP:CloudFront.10 @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SC-13
Feature: CloudFront distributions never offer SSLv3 to their custom origins
  No custom origin of a distribution may list SSLv3 among the SSL/TLS protocols CloudFront may use when it connects to that origin over HTTPS.

  Background:
    Given the resources listed by "cloudfront.ListDistributions" at "DistributionList.Items" identified by "Id"

  Scenario: no custom origin is offered SSLv3
    Then each element of "Origins.Items[].CustomOriginConfig.OriginSslProtocols.Items[]", if any, must not be "SSLv3"
