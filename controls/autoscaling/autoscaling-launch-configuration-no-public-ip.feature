# controlbot: request-sha256=89c83ed8a2ac0a12c973da91c14dbc7ec9e97e765d56540c18c71d7277d06308 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:autoscaling-launch-configuration-no-public-ip @service:autoscaling @severity:high @category:network @maps:AWS-FSBP:Autoscaling.5 @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-4
Feature: Auto Scaling launch configurations do not assign public IP addresses
  No launch configuration may ask for a public IPv4 address to be associated with the instances it launches.

  Background:
    Given the resources listed by "autoscaling.DescribeLaunchConfigurations" at "LaunchConfigurations" identified by "LaunchConfigurationName"

  Scenario: no public IP address is requested
    Then the expression "!contains(to_array(AssociatePublicIpAddress), `true`)" must be true
