# controlbot: request-sha256=37c1842243d929e7326ad28d630b6a14ef3163a6e526157328009ed5d0eba0fb provider=offline model=- prompt=bcd93ad4 review=edited
@control:ec2-image-not-public @service:ec2 @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: AMIs owned by the account are not public
  No AMI owned by the account may have public launch permissions; an image may only be shared with named accounts or organizations.

  Background:
    Given the resources listed by "ec2.DescribeImages" at "Images" identified by "ImageId" with "Owners" set to ["self"]

  Scenario: the image is not public
    Then "Public" must be false
