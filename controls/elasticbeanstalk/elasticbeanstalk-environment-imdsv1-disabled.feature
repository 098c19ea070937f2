# controlbot: request-sha256=4e6e313c1da6d13d0c5b6eba5ae46329f922d12c62a572386db4b12252598d74 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elasticbeanstalk-environment-imdsv1-disabled @service:elasticbeanstalk @severity:high @category:other @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Elastic Beanstalk environments launch instances with IMDSv1 disabled
  Every environment that is not terminated must disable IMDSv1 on its instances (option DisableIMDSv1 of namespace aws:autoscaling:launchconfiguration set to true), so that the instance metadata service only answers IMDSv2 requests.

  Background:
    Given the resources listed by "elasticbeanstalk.DescribeEnvironments" at "Environments" identified by "EnvironmentId" with "IncludeDeleted" set to false
    And each resource is enriched by "elasticbeanstalk.DescribeConfigurationSettings" with "ApplicationName" from "ApplicationName" and "EnvironmentName" from "EnvironmentName"

  Scenario: IMDSv1 is disabled on the instances
    When only resources where "Status" is not "Terminated"
    Then "DescribeConfigurationSettings.ConfigurationSettings[0].OptionSettings[?Namespace == 'aws:autoscaling:launchconfiguration' && OptionName == 'DisableIMDSv1'].Value | [0]" must be "true"
