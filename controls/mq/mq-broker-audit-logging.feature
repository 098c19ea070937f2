# controlbot: request-sha256=c7817a769fe3b158f63c308c9649b580fd7798bad16cb6a4c97e8aaa465b5fb2 provider=offline model=- prompt=bcd93ad4 review=edited
@control:mq-broker-audit-logging @service:mq @severity:medium @category:logging @maps:AWS-FSBP:MQ.2 @maps:NIST-800-53:AU-2 @maps:NIST-800-53:AU-12
Feature: ActiveMQ brokers stream audit logs to CloudWatch Logs
  Every ActiveMQ broker must have audit logging turned on so that user management actions are recorded in CloudWatch Logs.

  Background:
    Given the resources listed by "mq.ListBrokers" at "BrokerSummaries" identified by "BrokerId"
    And each resource is enriched by "mq.DescribeBroker" with "BrokerId" from "BrokerId"

  Scenario: audit logging is turned on for ActiveMQ
    When only resources where "contains(['ACTIVEMQ', 'ActiveMQ'], EngineType)" is true
    Then "DescribeBroker.Logs.Audit" must be true
