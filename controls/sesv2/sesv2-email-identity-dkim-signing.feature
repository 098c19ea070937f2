# controlbot: request-sha256=a04bc8feb28172cdafd63a3b9ffb5d58358ecfd0d7208866211782c2a41a7684 provider=offline model=- prompt=bcd93ad4 review=edited
@control:sesv2-email-identity-dkim-signing @service:sesv2 @severity:medium @category:authentication @maps:NIST-800-53:SC-8 @maps:NIST-800-53:SI-7
Feature: SES domain identities sign outgoing mail with DKIM
  Every domain identity must have DKIM signing enabled, so that receivers can verify that mail sent from the domain is authentic and unaltered.

  Background:
    Given the resources listed by "sesv2.ListEmailIdentities" at "EmailIdentities" identified by "IdentityName"
    And each resource is enriched by "sesv2.GetEmailIdentity" with "EmailIdentity" from "IdentityName"

  Scenario: DKIM signing is enabled for the domain
    When only resources where "IdentityType" is "DOMAIN"
    Then "GetEmailIdentity.DkimAttributes.SigningEnabled" must be true
