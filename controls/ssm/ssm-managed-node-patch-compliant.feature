# controlbot: request-sha256=2810271d73973c5bcd57c5ce116de5979ac4ffe236f194ccc6a3f6e5c5fa522c provider=offline model=- prompt=bcd93ad4 review=edited
@control:ssm-managed-node-patch-compliant @service:ssm @severity:high @category:patching-runtime @maps:AWS-FSBP:SSM.2 @maps:NIST-800-53:SI-2 @maps:NIST-800-53:RA-5
Feature: Nodes managed by Systems Manager are patch compliant
  Every managed node that Patch Manager has scanned must report a patch compliance status of COMPLIANT: no missing or failed patches required by its patch baseline.

  Background:
    Given the resources listed by "ssm.ListResourceComplianceSummaries" at "ResourceComplianceSummaryItems" identified by "ResourceId" with "Filters" set to [{"Key": "ComplianceType", "Values": ["Patch"], "Type": "EQUAL"}]

  Scenario: the node is patch compliant
    Then "Status" must be "COMPLIANT"
