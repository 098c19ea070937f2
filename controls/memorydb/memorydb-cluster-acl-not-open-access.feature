# controlbot: request-sha256=dd13e0729d567e9b57530869d34129b8aeff27743b145fa18823e547e0dad42a provider=offline model=- prompt=bcd93ad4 review=edited
@control:memorydb-cluster-acl-not-open-access @service:memorydb @severity:high @category:authentication @maps:NIST-800-53:IA-2 @maps:NIST-800-53:AC-3
Feature: MemoryDB clusters require users to authenticate
  No MemoryDB cluster may use the open-access access control list, which lets any client that reaches the cluster run any command without a password; each must use an ACL of named users.

  Background:
    Given the resources listed by "memorydb.DescribeClusters" at "Clusters" identified by "Name"

  Scenario: the cluster uses an ACL other than open-access
    Then "ACLName" must be present
    And "ACLName" must not be "open-access"
