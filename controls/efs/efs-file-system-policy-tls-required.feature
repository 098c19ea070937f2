# controlbot: request-sha256=046d452f3e273b59a1a647c6bc89a42b13334201dffb1ac1e5fd5f93d728f2f5 provider=offline model=- prompt=bcd93ad4 review=edited
@control:efs-file-system-policy-tls-required @service:efs @severity:medium @category:encryption-in-transit @maps:NIST-800-53:SC-8
Feature: EFS file system policies refuse clients that do not use TLS
  Each file system must have a file system policy that denies access when the request is not made over a TLS connection (aws:SecureTransport false).

  Background:
    Given the resources listed by "efs.DescribeFileSystems" at "FileSystems" identified by "FileSystemId"
    And each resource is enriched by "efs.DescribeFileSystemPolicy" with "FileSystemId" from "FileSystemId"
    And the error "PolicyNotFound" from "efs.DescribeFileSystemPolicy" means absent

  Scenario: the file system policy denies connections made without TLS
    # the policy is a JSON string: a Deny statement and an aws:SecureTransport condition set to false
    Then "DescribeFileSystemPolicy.Policy" must be present
    And "DescribeFileSystemPolicy.Policy" must match "\"Effect\"\s*:\s*\"Deny\""
    And "DescribeFileSystemPolicy.Policy" must match "\"aws:SecureTransport\"\s*:\s*\[?\s*\"?false\"?"
