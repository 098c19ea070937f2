# controlbot: request-sha256=d73a52fda741b5197fcbd0cdbcb421d564c27797ff8eae4b677dba47bc2d66e9 provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-volume-encrypted @service:ec2 @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:EC2.3 @maps:NIST-800-53:SC-28
Feature: EBS volumes are encrypted at rest
  Every EBS volume must be encrypted, whether it is attached to an instance or not.

  Background:
    Given the resources listed by "ec2.DescribeVolumes" at "Volumes" identified by "VolumeId"

  Scenario: the volume is encrypted
    Then "Encrypted" must be true
