# controlbot: request-sha256=8b567efd452a8a0b9a55ec9688b493ffb315e8f987a4646dc47a98cfcc527643 provider=offline model=- prompt=bcd93ad4 review=edited
@control:elasticache-replication-group-auth-enabled @service:elasticache @severity:medium @category:authentication @maps:AWS-FSBP:ElastiCache.6 @maps:NIST-800-53:IA-2 @maps:NIST-800-53:AC-3
Feature: ElastiCache replication groups authenticate clients
  Every replication group must require clients to authenticate, either with an AUTH token or with role-based access control through at least one user group.

  Background:
    Given the resources listed by "elasticache.DescribeReplicationGroups" at "ReplicationGroups" identified by "ReplicationGroupId"

  Scenario: clients authenticate with an AUTH token or a user group
    Then the expression "AuthTokenEnabled == `true` || length(UserGroupIds || `[]`) > `0`" must be true
