# controlbot: request-sha256=165aaf86ede8b3e266ec752e1010a1930e82ff8a6f20e423d1110a34e5206e14 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-launch-template-imdsv2-required @service:ec2 @severity:high @category:other @maps:AWS-FSBP:EC2.170 @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: EC2 launch templates launch instances that require IMDSv2
  The default version of every launch template must set the instance metadata options so that session tokens (IMDSv2) are required.

  Background:
    Given the resources listed by "ec2.DescribeLaunchTemplates" at "LaunchTemplates" identified by "LaunchTemplateId"
    And each resource is enriched by "ec2.DescribeLaunchTemplateVersions" with "LaunchTemplateId" from "LaunchTemplateId" and "Versions" set to ["$Default"]

  Scenario: the default version requires IMDSv2 tokens
    Then "DescribeLaunchTemplateVersions.LaunchTemplateVersions[].LaunchTemplateData.MetadataOptions.HttpTokens" must be "required"
