# controlbot: request-sha256=34d519b2650444562b43292a0b9f858896e7e243d85e8c8ec584df7e88890611 provider=offline model=- prompt=bcd93ad4 review=accepted
@control:mq-broker-auto-minor-version-upgrade @service:mq @severity:low @category:patching-runtime @maps:AWS-FSBP:MQ.3 @maps:NIST-800-53:SI-2
Feature: Amazon MQ brokers apply minor engine upgrades automatically
  Every broker must have automatic minor version upgrades enabled so that engine security patches are applied in its maintenance window.

  Background:
    Given the resources listed by "mq.ListBrokers" at "BrokerSummaries" identified by "BrokerId"
    And each resource is enriched by "mq.DescribeBroker" with "BrokerId" from "BrokerId"

  Scenario: automatic minor version upgrades are enabled
    Then "DescribeBroker.AutoMinorVersionUpgrade" must be true
