# controlbot: request-sha256=437d50fd736735047eea9df906c6e3e247fa30938697d00275630fe375dc8326 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-launch-template-no-public-ip @service:ec2 @severity:high @category:network @maps:AWS-FSBP:EC2.25 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: EC2 launch templates do not give network interfaces a public IP address
  No network interface in the default version of a launch template may ask for a public IPv4 address to be associated at launch.

  Background:
    Given the resources listed by "ec2.DescribeLaunchTemplates" at "LaunchTemplates" identified by "LaunchTemplateId"
    And each resource is enriched by "ec2.DescribeLaunchTemplateVersions" with "LaunchTemplateId" from "LaunchTemplateId" and "Versions" set to ["$Default"]

  Scenario: no network interface asks for a public IP address
    Then "DescribeLaunchTemplateVersions.LaunchTemplateVersions" must not be empty
    # interfaces that leave AssociatePublicIpAddress unset drop out of the projection and pass
    And the expression "!contains(DescribeLaunchTemplateVersions.LaunchTemplateVersions[].LaunchTemplateData.NetworkInterfaces[].AssociatePublicIpAddress, `true`)" must be true
