"""Reports of several runs read back as one: each finding keeps the line its own run located it at."""

from __future__ import annotations

import json
from pathlib import Path

from bot.language.feature import parse_feature
from bot.runner.findings import Finding
from bot.runner.merge import read_reports
from bot.runner.reports import ControlInfo, render_report

FEATURE = """\
@control:s3-kept @service:s3 @severity:high @category:versioning
Feature: S3 buckets keep their data

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"

  Scenario: versioning and MFA delete
    Then "GetBucketVersioning.Status" must be "Enabled"
    And "GetBucketVersioning.MFADelete" must be "Enabled"
"""
INFOS = {"s3-kept": ControlInfo.of("s3-kept", parse_feature(FEATURE, "x.feature"), "controls/s3/x.feature")}


def _failing(account: str, assertion: str) -> Finding:
    reason = f'"GetBucketVersioning.{assertion}" must be "Enabled": actual nothing (no value at this path)'
    return Finding("s3-kept", "versioning and MFA delete", "logs", "global", "FAIL", (reason,), account)


def test_the_same_resource_in_two_accounts_keeps_each_runs_failing_line(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(render_report([_failing("111111111111", "Status")], "json", INFOS))
    second.write_text(render_report([_failing("222222222222", "MFADelete")], "json", INFOS))
    findings, infos = read_reports([first, second])
    results = json.loads(render_report(findings, "sarif", infos))["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert lines == [9, 10]
