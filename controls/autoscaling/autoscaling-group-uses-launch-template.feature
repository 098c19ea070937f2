# controlbot: request-sha256=c388359b754132dd579ef854e9d13af73321cf393e65cced13e902d9f58e4582 provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:autoscaling-group-uses-launch-template @service:autoscaling @severity:medium @category:patching-runtime @maps:AWS-FSBP:AutoScaling.9 @maps:NIST-800-53:CM-2
Feature: Auto Scaling groups launch instances from launch templates, not launch configurations
  No Auto Scaling group may use a launch configuration; each group must launch its instances from a launch template (directly or through a mixed instances policy).

  Background:
    Given the resources listed by "autoscaling.DescribeAutoScalingGroups" at "AutoScalingGroups" identified by "AutoScalingGroupName"

  Scenario: the group launches from a launch template
    Then "LaunchConfigurationName" must be absent
    And the expression "LaunchTemplate != `null` || MixedInstancesPolicy.LaunchTemplate != `null`" must be true
