# controlbot: request-sha256=735e7ec90bdf80d8d7bd0cb5e93e4b2a2d049465fa834beaa52a194db54eca0a provider=offline model=- prompt=bcd93ad4 review=edited
@control:lightsail-instance-no-public-ssh-rdp @service:lightsail @severity:high @category:network @maps:NIST-800-53:SC-7 @maps:NIST-800-53:AC-17
Feature: Lightsail instances do not open SSH or RDP to the whole internet
  No public port rule of a Lightsail instance may open TCP port 22 (SSH) or 3389 (RDP) to 0.0.0.0/0 or ::/0; remote administration must be limited to listed address ranges or go through the browser-based connection.

  Background:
    Given the resources listed by "lightsail.GetInstances" at "instances" identified by "name"
    And each resource is enriched by "lightsail.GetInstancePortStates" with "instanceName" from "name"

  Scenario: SSH and RDP are not open to the internet
    Then "GetInstancePortStates.portStates" must be present
    # open rules for all protocols, or TCP rules whose range covers 22 or 3389, reachable from any IPv4 or IPv6 address
    And the expression "length(GetInstancePortStates.portStates[?state == 'open' && (protocol == 'all' || (protocol == 'tcp' && ((fromPort <= `22` && toPort >= `22`) || (fromPort <= `3389` && toPort >= `3389`)))) && (contains(cidrs || `[]`, '0.0.0.0/0') || contains(ipv6Cidrs || `[]`, '::/0'))]) == `0`" must be true
