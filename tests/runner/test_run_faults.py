"""The runner's own guards, for controls that never went through `validate`: faults never pass."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.run import RunOptions, run_controls
from tests.runner.test_run import ACCOUNT, REGION, Recorder, make_bucket

VERSIONING = """\
@control:inline
Feature: versioning
  Scenario: versioning is on unless the bucket has none
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"
    And the error "NoSuchBucket" from "s3.GetBucketVersioning" means absent
    Then "GetBucketVersioning" must be absent
"""


@pytest.fixture
def aws_session() -> Iterator[boto3.Session]:
    with mock_aws():
        yield boto3.Session(region_name=REGION)


def test_an_access_denied_declared_absent_by_hand_is_still_an_error(aws_session: boto3.Session) -> None:
    """A Step built around the grammar (which refuses the code) is not trusted by the runner either."""
    make_bucket(aws_session, "locked", None)
    feature = parse_feature(VERSIONING, "inline.feature")
    absent = feature.scenarios[0].steps[2]
    assert absent.step is not None and absent.step.kind == "absent_error"
    absent.step = dataclasses.replace(absent.step, error_code="AccessDenied")
    deny = Recorder(aws_session, deny=lambda op, _: "AccessDenied" if op == "GetBucketVersioning" else None)
    findings = run_controls([("inline", feature)], ApiCache(deny), RunOptions((REGION,), ACCOUNT))
    assert [(f.resource, f.status) for f in findings] == [("locked", "ERROR")]
    assert "AccessDenied" in findings[0].reasons[0]
    allowed = Recorder(aws_session, deny=lambda op, _: "NoSuchBucket" if op == "GetBucketVersioning" else None)
    findings = run_controls([("inline", parse_feature(VERSIONING))], ApiCache(allowed), RunOptions((REGION,), ACCOUNT))
    assert [(f.resource, f.status) for f in findings] == [("locked", "PASS")]
