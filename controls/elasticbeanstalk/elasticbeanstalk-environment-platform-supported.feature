# controlbot: request-sha256=e72af69c2b12784345d54ab52d25e7c94d3dcb33357e20cb756aea0907dc8217 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:elasticbeanstalk-environment-platform-supported @service:elasticbeanstalk @severity:high @category:patching-runtime @maps:NIST-800-53:SI-2 @maps:NIST-800-53:SA-22
Feature: Elastic Beanstalk environments run on a supported platform branch
  The platform version of every environment that is not terminated must belong to a platform branch in the Supported lifecycle state; Deprecated and Retired branches no longer get (or will soon stop getting) security updates, and Beta branches are not meant for production.

  Background:
    Given the resources listed by "elasticbeanstalk.DescribeEnvironments" at "Environments" identified by "EnvironmentId" with "IncludeDeleted" set to false
    And each resource is enriched by "elasticbeanstalk.DescribePlatformVersion" with "PlatformArn" from "PlatformArn"

  Scenario: the platform branch is supported
    When only resources where "Status" is not "Terminated"
    Then "DescribePlatformVersion.PlatformDescription.PlatformBranchLifecycleState" must be "Supported"
