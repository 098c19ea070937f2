# controlbot: request-sha256=c989a680bf7dfc1dfea5598e54bcb776ec2ecbaf7aed495e393f7b508c9ca3da provider=offline model=- prompt=bcd93ad4 review=edited
@control:mq-broker-not-publicly-accessible @service:mq @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:SC-7
Feature: Amazon MQ brokers are not publicly accessible
  No broker may be publicly accessible; brokers must only be reachable from inside their VPC.

  Background:
    Given the resources listed by "mq.ListBrokers" at "BrokerSummaries" identified by "BrokerId"
    And each resource is enriched by "mq.DescribeBroker" with "BrokerId" from "BrokerId"

  Scenario: the broker is not publicly accessible
    Then "DescribeBroker.PubliclyAccessible" must be false
