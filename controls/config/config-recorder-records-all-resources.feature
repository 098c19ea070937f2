# controlbot: request-sha256=4c76a0b3942e04ff2c61fa97da4ab5153c6ed18745a76701e09c7875a3134c6f provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:config-recorder-records-all-resources @service:config @severity:medium @category:monitoring @maps:CIS-AWS-3.0:3.3 @maps:NIST-800-53:CM-8
Feature: AWS Config records every supported resource type, global ones included
  The account must have a configuration recorder in the region that records all supported resource types, including global resource types such as IAM.

  Background:
    Given the account setting read by "config.DescribeConfigurationRecorders"

  Scenario: a recorder records all supported and global resource types
    Then at least one element of "DescribeConfigurationRecorders.ConfigurationRecorders[?recordingGroup.allSupported].recordingGroup.includeGlobalResourceTypes" must be true
