# controlbot: request-sha256=888a0e1f51b54e63650b1b0375567f0a667fbcdcae30399aa4c181e4aded9f1a provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-launch-template-ebs-encrypted @service:ec2 @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28
Feature: EC2 launch templates create encrypted EBS volumes
  Every EBS volume defined in the block device mappings of a launch template's default version must be encrypted.

  Background:
    Given the resources listed by "ec2.DescribeLaunchTemplates" at "LaunchTemplates" identified by "LaunchTemplateId"
    And each resource is enriched by "ec2.DescribeLaunchTemplateVersions" with "LaunchTemplateId" from "LaunchTemplateId" and "Versions" set to ["$Default"]

  Scenario: every EBS volume of the default version is encrypted
    Then "DescribeLaunchTemplateVersions.LaunchTemplateVersions" must not be empty
    # mappings without an Ebs block (instance store, NoDevice) drop out; an Ebs block without Encrypted fails
    And each element of "DescribeLaunchTemplateVersions.LaunchTemplateVersions[0].LaunchTemplateData.BlockDeviceMappings[?Ebs].Ebs.Encrypted", if any, must be true
