# controlbot: request-sha256=005c1ba38081707e11aac18eaea400a7eaef470ee56876c0531ea1154e59a0aa provider=offline model=- prompt=bcd93ad4 review=edited
@control:bedrock-model-invocation-logging-enabled @service:bedrock @severity:medium @category:logging @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Bedrock model invocation logging is turned on in every region
  In each region, the account must have model invocation logging configured, delivering invocation records to a CloudWatch Logs log group or an S3 bucket.

  Background:
    Given the account setting read by "bedrock.GetModelInvocationLoggingConfiguration"

  Scenario: invocation records are delivered to CloudWatch Logs or S3
    Then the expression "GetModelInvocationLoggingConfiguration.loggingConfig.cloudWatchConfig.logGroupName != `null` || GetModelInvocationLoggingConfiguration.loggingConfig.s3Config.bucketName != `null`" must be true
