# controlbot: request-sha256=c8abf5c9b6f76f401cd6fbf99145bc3ebdf3de17c08526be3dc9b6ae45e15466 provider=offline model=- prompt=bcd93ad4 review=edited
# adapted from control ssm-managed-node-patch-compliant
@control:ssm-managed-node-association-compliant @service:ssm @severity:low @category:other @maps:AWS-FSBP:SSM.3 @maps:NIST-800-53:CM-6 @maps:NIST-800-53:CM-2
Feature: State Manager associations on managed nodes are compliant
  Every managed node with State Manager associations must report an association compliance status of COMPLIANT.

  Background:
    Given the resources listed by "ssm.ListResourceComplianceSummaries" at "ResourceComplianceSummaryItems" identified by "ResourceId" with "Filters" set to [{"Key": "ComplianceType", "Values": ["Association"], "Type": "EQUAL"}]

  Scenario: the node's associations are compliant
    Then "Status" must be "COMPLIANT"
