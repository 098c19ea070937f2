# controlbot: request-sha256=ecc3695a8ffc496dfbace6625eab1aef2fbdfa9c820b7177b2bcc0fdd5d4c2bb provider=offline model=- prompt=bcd93ad4 review=accepted
@control:ec2-ebs-snapshot-block-public-access @service:ec2 @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: Block public access for EBS snapshots blocks all public sharing
  The Region's block public access setting for EBS snapshots must be in the block-all-sharing state, so that no snapshot of the account can be shared publicly and snapshots already shared publicly are no longer visible.

  Background:
    Given the account setting read by "ec2.GetSnapshotBlockPublicAccessState"

  Scenario: all public sharing of snapshots is blocked
    Then "GetSnapshotBlockPublicAccessState.State" must be "block-all-sharing"
