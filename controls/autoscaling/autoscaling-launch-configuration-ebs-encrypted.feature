# controlbot: request-sha256=cc23267a83cfbd285322cab62821039caf2ef282f6a56bf4a282a34d29293770 provider=offline model=- prompt=bcd93ad4 review=edited
@control:autoscaling-launch-configuration-ebs-encrypted @service:autoscaling @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28
Feature: Auto Scaling launch configurations create encrypted EBS volumes
  Every EBS volume defined in the block device mappings of a launch configuration must be encrypted.

  Background:
    Given the resources listed by "autoscaling.DescribeLaunchConfigurations" at "LaunchConfigurations" identified by "LaunchConfigurationName"

  Scenario: every EBS volume is encrypted
    # mappings without an Ebs block (instance store, NoDevice) drop out; an Ebs block without Encrypted fails
    Then each element of "BlockDeviceMappings[?Ebs].Ebs.Encrypted", if any, must be true
