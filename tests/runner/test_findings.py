"""Output formats of a check run: text table, JSON and JUnit XML, and the exit code."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from bot.runner.findings import Finding, exit_code, render_junit, render_text, summarize
from bot.runner.reports import render_report

FINDINGS = [
    Finding("s3-kms", "uses KMS", "kms-bucket", "global", "PASS"),
    Finding(
        "s3-kms", "uses KMS", "aes-bucket", "global", "FAIL", ('"SSEAlgorithm" must be "aws:kms": actual "AES256"',)
    ),
    Finding("s3-kms", "uses KMS", "locked", "global", "ERROR", ("s3.GetBucketEncryption: AccessDenied: no",)),
    Finding("ebs-prod", "prod volumes", "vol-1", "eu-west-1", "NOT_APPLICABLE", ('filter "Tags" is present',)),
    Finding("review", "a person reviewed it", "-", "-", "MANUAL", ("line 7: manual step: a human looked",)),
]


def test_json_has_every_finding_and_a_summary_of_every_status() -> None:
    document = json.loads(render_report(FINDINGS, "json", {}))
    assert document["findings"][1] == {
        "control": "s3-kms",
        "scenario": "uses KMS",
        "resource": "aes-bucket",
        "region": "global",
        "status": "FAIL",
        "reasons": ['"SSEAlgorithm" must be "aws:kms": actual "AES256"'],
        "account": "",
        "severity": "medium",  # what a report says of a control it knows nothing about
        "category": "other",
        "frameworks": [],
        "source": "",
        "line": 1,
        "service": "",
    }
    assert len(document["findings"]) == 5
    assert document["summary"] == {"PASS": 1, "FAIL": 1, "NOT_APPLICABLE": 1, "ERROR": 1, "MANUAL": 1, "SUPPRESSED": 0}


def test_json_of_no_findings_still_has_a_summary() -> None:
    document = json.loads(render_report([], "json", {}))
    assert document == {"findings": [], "summary": dict.fromkeys(summarize([]), 0), "controls": {}}


def test_text_is_a_table_with_a_row_per_finding_and_a_summary() -> None:
    lines = render_text(FINDINGS).splitlines()
    assert lines[0].split() == ["CONTROL", "SCENARIO", "RESOURCE", "REGION", "STATUS", "REASON"]
    status_column = lines[0].index("STATUS")
    assert [line[status_column:].split()[0] for line in lines[1:6]] == [
        "PASS",
        "FAIL",
        "ERROR",
        "NOT_APPLICABLE",
        "MANUAL",
    ]
    assert lines[2].endswith('"SSEAlgorithm" must be "aws:kms": actual "AES256"')
    assert lines[-1] == "1 PASS, 1 FAIL, 1 NOT_APPLICABLE, 1 ERROR, 1 MANUAL"


def test_text_cuts_overlong_cells_but_never_reasons() -> None:
    long_name = "a" * 200
    reason = "r" * 300
    text = render_text([Finding("c", long_name, "res", "us-east-1", "FAIL", (reason,))])
    row = text.splitlines()[1]
    assert long_name not in row and "…" in row
    assert row.endswith(reason)


def test_junit_has_a_testcase_per_scenario_and_resource() -> None:
    root = ET.fromstring(render_junit(FINDINGS))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"s3-kms", "ebs-prod", "review"}
    s3 = suites["s3-kms"]
    assert (s3.get("tests"), s3.get("failures"), s3.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert len(cases) == 5
    failed = cases["uses KMS [aes-bucket @ global]"].find("failure")
    assert failed is not None and "AES256" in (failed.get("message") or "")
    assert cases["uses KMS [locked @ global]"].find("error") is not None
    assert cases["prod volumes [vol-1 @ eu-west-1]"].find("skipped") is not None
    assert cases["uses KMS [kms-bucket @ global]"].find("*") is None
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "1")


def test_exit_code_is_2_on_errors_1_on_failures_else_0() -> None:
    passing, failing, erring, manual = FINDINGS[0], FINDINGS[1], FINDINGS[2], FINDINGS[4]
    assert exit_code([passing, FINDINGS[3], manual]) == 0
    assert exit_code([passing, failing]) == 1
    assert exit_code([failing, erring]) == 2
    assert exit_code([]) == 0
