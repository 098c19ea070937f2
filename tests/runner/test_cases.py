"""Test cases run on in-process moto: the expected statuses hold, and every way a case goes wrong is said."""

from __future__ import annotations

import pytest

from bot.cli.test import moto_sandbox
from bot.inputs.control_tests import parse_control_tests
from bot.language.feature import ParsedFeature, parse_feature
from bot.runner.cases import run_control_tests

FEATURE = """\
@control:s3-bucket-versioning @service:s3 @severity:medium @category:versioning
Feature: S3 buckets keep every version
  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"

  Scenario: versioning is enabled
    Then "GetBucketVersioning.Status" must be "Enabled"
"""


def _control() -> tuple[str, ParsedFeature]:
    return "s3-bucket-versioning", parse_feature(FEATURE, "s3-bucket-versioning.feature")


def _run(cases: str) -> list[tuple[str, tuple[str, ...]]]:
    tests = parse_control_tests(cases, "s3-bucket-versioning.test.yaml")
    result = run_control_tests(_control(), tests, moto_sandbox())
    return [(case.case, case.problems) for case in result.cases]


BUCKET = "      - call: s3.CreateBucket\n        with: {Bucket: data}\n"
ENABLE = (
    "      - call: s3.PutBucketVersioning\n        with: {Bucket: data, VersioningConfiguration: {Status: Enabled}}\n"
)


def test_a_compliant_and_a_non_compliant_bucket_get_the_expected_statuses() -> None:
    cases = f"cases:\n  - name: enabled\n    setup:\n{BUCKET}{ENABLE}    expect: {{data: PASS}}\n"
    cases += f"  - name: never set\n    setup:\n{BUCKET}    expect: {{data: FAIL}}\n"
    assert _run(cases) == [("enabled", ()), ("never set", ())]


def test_a_wrong_expectation_says_what_the_control_reported_and_why() -> None:
    [(_, problems)] = _run(f"cases:\n  - name: never set\n    setup:\n{BUCKET}    expect: {{data: PASS}}\n")
    assert len(problems) == 1
    assert problems[0].startswith("data: expected PASS, got FAIL in 'versioning is enabled' (")


def test_a_resource_no_finding_names_is_a_problem_not_a_pass() -> None:
    [(_, problems)] = _run(f"cases:\n  - name: typo\n    setup:\n{BUCKET}    expect: {{dta: FAIL}}\n")
    assert problems == ("dta: expected FAIL, but no finding names this resource",)


@pytest.mark.parametrize(
    ("setup", "said"),
    [
        ("      - call: s3.CreateBuckett\n        with: {Bucket: data}\n", "s3 has no operation CreateBuckett"),
        ("      - call: s3.CreateBucket\n        with: {Bucket: 7}\n", "setup call s3.CreateBucket (line 4) failed: "),
        (f"{BUCKET}        save: {{x: Nothing.Here}}\n", "save 'x': 'Nothing.Here' finds nothing in the response"),
    ],
)
def test_a_setup_call_that_cannot_be_made_fails_the_case_with_its_line(setup: str, said: str) -> None:
    [(_, problems)] = _run(f"cases:\n  - name: broken\n    setup:\n{setup}    expect: {{data: PASS}}\n")
    assert len(problems) == 1 and said in problems[0], problems


def test_saved_values_feed_later_calls_and_expectations() -> None:
    listed = "      - call: s3.ListBuckets\n        save: {name: 'Buckets[0].Name'}\n"
    enable = "      - call: s3.PutBucketVersioning\n        with: {Bucket: '${name}', VersioningConfiguration: {Status: Enabled}}\n"
    cases = f"cases:\n  - name: saved\n    setup:\n{BUCKET}{listed}{enable}    expect: {{'${{name}}': PASS}}\n"
    assert _run(cases) == [("saved", ())]


def test_a_case_naming_an_unknown_scenario_says_which_scenarios_there_are() -> None:
    cases = f"cases:\n  - name: enabled\n    scenarios: [versioning is on]\n    setup:\n{BUCKET}{ENABLE}    expect: {{data: PASS}}\n"
    [(_, problems)] = _run(cases)
    assert problems[0] == "no scenario is named 'versioning is on' (scenarios: versioning is enabled)"


def test_a_skipped_file_runs_nothing_and_keeps_its_reason() -> None:
    tests = parse_control_tests("skip: moto lacks GetBucketVersioning MFADelete\n", "s3-bucket-versioning.test.yaml")
    result = run_control_tests(_control(), tests, moto_sandbox())
    assert (result.status, result.reason, result.cases) == ("SKIP", "moto lacks GetBucketVersioning MFADelete", ())
