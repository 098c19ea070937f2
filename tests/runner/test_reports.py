"""SARIF, Markdown, CSV and JSON reports: what code scanning, a job summary and a spreadsheet get from a run."""

from __future__ import annotations

import csv
import io
import json

from bot.language.feature import parse_feature
from bot.runner.findings import Finding
from bot.runner.reports import ControlInfo, render_report

FEATURE = """\
@control:s3-versioning @service:s3 @severity:high @category:versioning @maps:NIST-800-53:CP-9 @maps:AWS-FSBP:S3.14
Feature: S3 buckets keep every version
  Versioning must be on | for every bucket.

  Background:
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"

  Scenario: versioning is enabled
    Then "GetBucketVersioning.Status" must be "Enabled"
"""
INFOS = {"s3-versioning": ControlInfo.of("s3-versioning", parse_feature(FEATURE, "x.feature"), "controls/s3/x.feature")}
FINDINGS = [
    Finding("s3-versioning", "versioning is enabled", "kept", "global", "PASS"),
    Finding(
        "s3-versioning",
        "versioning is enabled",
        '=HYPERLINK("http://x")',
        "global",
        "FAIL",
        ('"GetBucketVersioning.Status" must be "Enabled": actual nothing (no value at this path)',),
    ),
    Finding("s3-versioning", "versioning is enabled", "-", "eu-west-1", "ERROR", ("AccessDenied: no",)),
]


def test_sarif_has_one_rule_per_control_and_a_result_per_fail_or_error_at_the_assertion_line() -> None:
    sarif = json.loads(render_report(FINDINGS, "sarif", INFOS))
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    [rule] = run["tool"]["driver"]["rules"]
    assert rule["id"] == "s3-versioning" and rule["properties"]["security-severity"] == "8.0"
    assert rule["properties"]["tags"] == ["security", "versioning", "NIST-800-53:CP-9", "AWS-FSBP:S3.14"]
    failed, errored = run["results"]
    location = failed["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "controls/s3/x.feature"}, "region": {"startLine": 10}}
    assert (failed["level"], errored["level"]) == ("error", "error")
    assert errored["locations"][0]["physicalLocation"]["region"]["startLine"] == 9  # the scenario's line
    assert failed["partialFingerprints"] != errored["partialFingerprints"]


def test_markdown_totals_and_a_row_per_problem_with_table_characters_escaped() -> None:
    summary = render_report(FINDINGS, "markdown", INFOS)
    assert "| 1 | 1 | 0 | 1 | 0 |" in summary and "FAIL by severity: 1 high" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| FAIL") or line.startswith("| ERROR")]
    assert len(rows) == 2 and all(row.count(" | ") == 5 for row in rows)


def test_csv_has_the_controls_metadata_and_never_a_formula() -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(FINDINGS, "csv", INFOS))))
    assert [r["status"] for r in rows] == ["PASS", "FAIL", "ERROR"]
    assert rows[1]["resource"].startswith("'=") and rows[1]["line"] == "10"
    assert rows[1]["frameworks"] == "NIST-800-53:CP-9 AWS-FSBP:S3.14" and rows[1]["severity"] == "high"


def test_json_findings_carry_severity_category_frameworks_and_source_line() -> None:
    findings = json.loads(render_report(FINDINGS, "json", INFOS))["findings"]
    assert findings[1] | {"reasons": []} == {
        "control": "s3-versioning", "scenario": "versioning is enabled", "resource": '=HYPERLINK("http://x")',
        "region": "global", "status": "FAIL", "reasons": [], "account": "", "severity": "high", "category": "versioning",
        "frameworks": ["NIST-800-53:CP-9", "AWS-FSBP:S3.14"], "source": "controls/s3/x.feature", "line": 10,
        "service": "s3",
    }  # fmt: skip


def test_the_html_page_has_totals_every_finding_as_data_and_nothing_that_reaches_out() -> None:
    hostile = Finding(
        "s3-versioning", "versioning is enabled", "</script><img src=x onerror=alert(1)>", "global", "FAIL"
    )
    page = render_report([*FINDINGS, hostile], "html", INFOS)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "</script><img" not in page and "<link" not in page and 'src="http' not in page
    data = page.split('<script type="application/json" id="findings">', 1)[1].split("</script>", 1)[0]
    rows = json.loads(data)
    assert [r["status"] for r in rows] == ["PASS", "FAIL", "ERROR", "FAIL"]
    assert rows[-1]["resource"] == "</script><img src=x onerror=alert(1)>"
    assert "data-totals='By status'" in page and "<b>2</b>FAIL" in page
    assert "<b>2</b>high" in page and "<b>2</b>NIST-800-53" in page
