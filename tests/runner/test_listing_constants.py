"""A listing given constants (wafv2's required Scope) on moto: the constant is sent, and only its scope is listed."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from tests.runner.test_run import Recorder, by_resource, run_text

WAF = """\
@control:waf-metrics @service:wafv2 @severity:low @category:logging
Feature: Regional web ACLs publish CloudWatch metrics

  Background:
    Given the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "Name" with "Scope" set to "REGIONAL"
    And each resource is enriched by "wafv2.GetWebACL" with "Name" from "Name" and "Id" from "Id" and "Scope" set to "REGIONAL"

  Scenario: metrics are enabled
    Then "GetWebACL.WebACL.VisibilityConfig.CloudWatchMetricsEnabled" must be true
"""


@pytest.fixture
def session() -> Iterator[boto3.Session]:
    with mock_aws():
        yield boto3.Session(region_name="us-east-1")


def web_acl(session: boto3.Session, name: str, scope: str, metrics: bool) -> None:
    visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": metrics, "MetricName": name}
    session.client("wafv2").create_web_acl(
        Name=name, Scope=scope, DefaultAction={"Allow": {}}, VisibilityConfig=visibility
    )


def test_the_listing_sends_its_constant_and_lists_only_that_scope(session: boto3.Session) -> None:
    web_acl(session, "api-acl", "REGIONAL", metrics=True)
    web_acl(session, "legacy-acl", "REGIONAL", metrics=False)
    web_acl(session, "cdn-acl", "CLOUDFRONT", metrics=False)
    recorder = Recorder(session)
    found = by_resource(run_text(session, WAF, recorder))
    assert {name: finding.status for name, finding in found.items()} == {"api-acl": "PASS", "legacy-acl": "FAIL"}
    assert "actual false" in found["legacy-acl"].reasons[0]
    assert ("ListWebACLs", {"Scope": "REGIONAL"}) in recorder.params
    assert recorder.calls["ListWebACLs"] == 1  # the prefetch and the scenario share one call


def test_without_web_acls_the_scenario_is_not_applicable(session: boto3.Session) -> None:
    web_acl(session, "cdn-acl", "CLOUDFRONT", metrics=True)
    [finding] = run_text(session, WAF)
    assert (finding.status, finding.reasons) == ("NOT_APPLICABLE", ("no resources listed by wafv2.ListWebACLs",))
