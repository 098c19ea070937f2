# controlbot: request-sha256=786592ef59c33e1bc64db6e3bcd4802468c379ba52528d07b5a9ba58d0e27bc0 provider=offline model=- prompt=bcd93ad4 review=edited
@control:events-event-bus-policy-not-public @service:events @severity:high @category:public-access @maps:NIST-800-53:AC-3 @maps:NIST-800-53:AC-21
Feature: EventBridge event bus policies do not let everyone put events
  An event bus's resource-based policy must not grant any principal ("*") access unless the grant is narrowed by a condition, for example on the caller's organization.

  Background:
    Given the resources listed by "events.ListEventBuses" at "EventBuses" identified by "Name"

  Scenario: no statement allows every principal without a condition
    When only resources where "Policy" is present
    Then "Policy" must match "(?s)^(?!.*\{[^{}]*(?:\"Effect\"\s*:\s*\"Allow\"[^{}]*\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})|\"Principal\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\{[^{}]*\"AWS\"\s*:\s*(?:\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\"|\[[^\]]*\"(?:\*|arn:aws[a-z-]*:iam::\*:root)\")[^{}]*\})[^{}]*\"Effect\"\s*:\s*\"Allow\")[^{}]*\})"
