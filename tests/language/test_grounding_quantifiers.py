"""The checker on quantified assertions and on listing constants: grounded like the rest, clear errors otherwise."""

from __future__ import annotations

import pytest

from bot.language.checker import check_feature

SG = """\
@control:sg-rules @service:ec2 @severity:high @category:network
Feature: Security group rules

  Scenario: rules
    Given the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"
    Then {assertion}
"""

WAF = """\
@control:waf-metrics @service:wafv2 @severity:low @category:logging
Feature: Web ACLs publish metrics

  Scenario: metrics
    Given the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "ARN"{constants}
    Then "Name" must match "^[a-z]"
"""


def messages(text: str) -> list[str]:
    return [p.message for p in check_feature(text, "controls/x/x.feature") if p.severity == "error"]


@pytest.mark.parametrize(
    "assertion",
    [
        'each element of "IpPermissions[].IpRanges[].CidrIp", if any, must not be "0.0.0.0/0"',
        'at least one element of "IpPermissions[].FromPort" must be at most 1024',
        'each element of "IpPermissions[].IpProtocol", if any, must be one of ["tcp", "udp"]',
        'at least one element of "IpPermissions[].IpRanges" must not be empty',
        'each element of "Tags[?Key==\'env\'].Value", if any, must match "^(prod|dev)$"',
        'at least one element of "IpPermissions[].UserIdGroupPairs[].GroupId" must be present',
    ],
)
def test_quantified_assertions_on_projections_ground(assertion: str) -> None:
    assert messages(SG.format(assertion=assertion)) == []


@pytest.mark.parametrize(
    ("assertion", "expected"),
    [
        ('each element of "GroupName", if any, must be "web"', '"GroupName" is not a projection'),
        ('at least one element of "IpPermissions[0].FromPort" must be 443', "is not a projection"),
        ('each element of "IpPermissions[].FromPrt", if any, must be 22', "closest valid: FromPort"),
        ('at least one element of "IpPermissions[].FromPort" must be "22"', "compare it with a number"),
        ('at least one element of "IpPermissions[].IpProtocol" must contain "tcp"', "are not a list"),
        ('each element of "IpPermissions[].FromPort", if any, must match "^2"', ""),
    ],
)
def test_quantified_assertions_are_checked_against_the_model(assertion: str, expected: str) -> None:
    found = messages(SG.format(assertion=assertion))
    if expected:
        assert len(found) == 1 and expected in found[0], found
    else:
        assert found == []


def test_a_listing_constant_supplies_its_required_parameter() -> None:
    assert messages(WAF.format(constants=' with "Scope" set to "REGIONAL"')) == []
    [missing] = messages(WAF.format(constants=""))
    assert "requires Scope" in missing and 'with "Scope" set to <json>' in missing


@pytest.mark.parametrize(
    ("constants", "expected"),
    [
        (' with "Scope" set to "GLOBAL"', 'parameter "Scope": GLOBAL not allowed; closest valid: REGIONAL'),
        (' with "Scop" set to "REGIONAL"', 'has no parameter "Scop"; closest valid: Scope'),
        (' with "Scope" from "Name"', "a listing takes constants only"),
        (' with "Scope" set to REGIONAL', "not a JSON literal"),
    ],
)
def test_bad_listing_constants_are_one_clear_error(constants: str, expected: str) -> None:
    [message] = messages(WAF.format(constants=constants))
    assert expected in message


def test_a_listing_constant_that_would_reveal_a_secret_is_refused() -> None:
    text = """\
@control:ssm-params @service:ssm @severity:low @category:secrets
Feature: Parameters

  Scenario: parameters
    Given the resources listed by "ssm.DescribeParameters" at "Parameters" identified by "Name" with "WithDecryption" set to true
    Then "Name" must match "^/"
"""
    [message] = messages(text)
    assert "WithDecryption" in message
