# controlbot: request-sha256=5758c0a4f9d00c9e4f7e01c9424cdc864cb47a9b474b4ee6b02956a1f6359e87 provider=human model=- prompt=-
@control:cloudtrail-trail-logs-kms-encrypted @service:cloudtrail @severity:medium @category:encryption-at-rest
@maps:CIS-AWS-3.0:3.5 @maps:NIST-800-53:AU-9
Feature: CloudTrail log files are encrypted with a customer managed KMS key
  Each trail must name a KMS key for SSE-KMS encryption of the log files it delivers.

  Background:
    Given the resources listed by "cloudtrail.DescribeTrails" at "trailList" identified by "TrailARN"

  Scenario: the trail encrypts log files with a KMS key
    Then "KmsKeyId" must match "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/"
