# controlbot: request-sha256=85ae0cf3ce8d7546dd79dbd1e2d1c8363cb52ff085d4d932205802989d0b802a provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elasticbeanstalk-environment-managed-platform-updates @service:elasticbeanstalk @severity:high @category:patching-runtime @maps:AWS-FSBP:ElasticBeanstalk.2 @maps:NIST-800-53:SI-2
Feature: Elastic Beanstalk environments apply managed platform updates
  Every environment that is not terminated must have managed platform updates enabled (option ManagedActionsEnabled of namespace aws:elasticbeanstalk:managedactions set to true), with an update level of minor or patch.

  Background:
    Given the resources listed by "elasticbeanstalk.DescribeEnvironments" at "Environments" identified by "EnvironmentId" with "IncludeDeleted" set to false
    And each resource is enriched by "elasticbeanstalk.DescribeConfigurationSettings" with "ApplicationName" from "ApplicationName" and "EnvironmentName" from "EnvironmentName"

  Scenario: managed platform updates are enabled
    When only resources where "Status" is not "Terminated"
    Then "DescribeConfigurationSettings.ConfigurationSettings[0].OptionSettings[?Namespace == 'aws:elasticbeanstalk:managedactions' && OptionName == 'ManagedActionsEnabled'].Value | [0]" must be "true"

  Scenario: managed updates apply minor or patch versions
    When only resources where "Status" is not "Terminated"
    Then "DescribeConfigurationSettings.ConfigurationSettings[0].OptionSettings[?Namespace == 'aws:elasticbeanstalk:managedactions:platformupdate' && OptionName == 'UpdateLevel'].Value | [0]" must be one of ["minor", "patch"]
