# controlbot: request-sha256=dd585d828362a101bd32f6253c9a0a684db8ce1ed5ff6904d3ccbc9f075e1bca provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elasticbeanstalk-environment-cloudwatch-logs @service:elasticbeanstalk @severity:medium @category:logging @maps:AWS-FSBP:ElasticBeanstalk.3 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: Elastic Beanstalk environments stream instance logs to CloudWatch Logs
  Every environment that is not terminated must stream its instance logs to CloudWatch Logs (option StreamLogs of namespace aws:elasticbeanstalk:cloudwatch:logs set to true).

  Background:
    Given the resources listed by "elasticbeanstalk.DescribeEnvironments" at "Environments" identified by "EnvironmentId" with "IncludeDeleted" set to false
    And each resource is enriched by "elasticbeanstalk.DescribeConfigurationSettings" with "ApplicationName" from "ApplicationName" and "EnvironmentName" from "EnvironmentName"

  Scenario: instance logs are streamed to CloudWatch Logs
    When only resources where "Status" is not "Terminated"
    Then "DescribeConfigurationSettings.ConfigurationSettings[0].OptionSettings[?Namespace == 'aws:elasticbeanstalk:cloudwatch:logs' && OptionName == 'StreamLogs'].Value | [0]" must be "true"
