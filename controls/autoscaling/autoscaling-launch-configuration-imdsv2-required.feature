# controlbot: request-sha256=85ee4380b3808c3fcc9058e875e657d2441f877059b218d79e99a55e0582e769 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:autoscaling-launch-configuration-imdsv2-required @service:autoscaling @severity:high @category:other @maps:AWS-FSBP:AutoScaling.3 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Auto Scaling launch configurations require IMDSv2
  Every launch configuration must require session tokens on the instance metadata service (IMDSv2) of the instances it launches.

  Background:
    Given the resources listed by "autoscaling.DescribeLaunchConfigurations" at "LaunchConfigurations" identified by "LaunchConfigurationName"

  Scenario: IMDSv2 tokens are required
    Then "MetadataOptions.HttpTokens" must be "required"
