# controlbot: request-sha256=7b96a66daf516208bdd6fda883d17d2b50312529effb1ad54cadda84f350276c provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ec2-ebs-default-encryption-enabled @service:ec2 @severity:medium @category:encryption-at-rest @maps:AWS-FSBP:EC2.7 @maps:CIS-AWS-3.0:2.2.1 @maps:NIST-800-53:SC-28
Feature: EBS encryption by default is turned on in every Region
  The account must have EBS encryption by default enabled in the Region, so that every new volume and every snapshot copy is encrypted even when the caller did not ask for it.

  Background:
    Given the account setting read by "ec2.GetEbsEncryptionByDefault"

  Scenario: new volumes are encrypted by default
    Then "GetEbsEncryptionByDefault.EbsEncryptionByDefault" must be true
