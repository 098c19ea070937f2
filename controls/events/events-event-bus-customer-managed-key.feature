# controlbot: request-sha256=0c0a44b50436f33a889811663b5087a446094d81edddccb06a324f9fccf996fb provider=offline model=- prompt=bcd93ad4 review=rewritten
@control:events-event-bus-customer-managed-key @service:events @severity:medium @category:encryption-at-rest @maps:NIST-800-53:SC-28 @maps:NIST-800-53:SC-12
Feature: EventBridge event buses encrypt events with a customer managed KMS key
  Every custom event bus must encrypt the events it holds with a customer managed KMS key rather than the AWS owned key.

  Background:
    Given the resources listed by "events.ListEventBuses" at "EventBuses" identified by "Name"
    And each resource is enriched by "events.DescribeEventBus" with "Name" from "Name"

  Scenario: the custom event bus names a customer managed KMS key
    When only resources where "Name" is not "default"
    Then "DescribeEventBus.KmsKeyIdentifier" must not be empty
