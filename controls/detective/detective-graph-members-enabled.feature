# controlbot: request-sha256=b6b3556bb3d0c7d88d09e5e64d7bcabc166fcd3283549bb15f6a27421fd9b452 provider=offline model=- prompt=bcd93ad4 review=edited
@control:detective-graph-members-enabled @service:detective @severity:low @category:monitoring @maps:NIST-800-53:SI-4 @maps:NIST-800-53:IR-4
Feature: Every member account of a Detective behavior graph contributes data
  Every member account listed in a behavior graph the account administers must have the status ENABLED, so that its data flows into the graph.

  Background:
    Given the resources listed by "detective.ListGraphs" at "GraphList" identified by "Arn"
    And each resource is enriched by "detective.ListMembers" with "GraphArn" from "Arn"

  Scenario: every member account is enabled
    Then each element of "ListMembers.MemberDetails[].Status", if any, must be "ENABLED"
