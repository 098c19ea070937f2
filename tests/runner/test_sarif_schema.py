"""SARIF reports validate against the SARIF 2.1.0 JSON schema, for every status a finding can have."""

from __future__ import annotations

import json

import jsonschema

from bot.runner.findings import Finding
from bot.runner.reports import ControlInfo, render_report
from tests.paths import FIXTURES
from tests.runner.test_reports import FINDINGS, INFOS

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def schema_errors(report: str) -> list[str]:
    validator = jsonschema.Draft4Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(report))]


def test_the_schema_refuses_a_report_it_should() -> None:
    broken = json.loads(render_report(FINDINGS, "sarif", INFOS))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert schema_errors(json.dumps(broken)) != []


def test_every_status_and_a_control_without_metadata_give_a_valid_report() -> None:
    suppressed = Finding("s3-versioning", "versioning is enabled", "b", "global", "SUPPRESSED", ("until 2999: ok",))
    unknown = Finding("no-such-control", "?", "-", "us-east-1", "ERROR", ("not found",))
    report = render_report([*FINDINGS, suppressed, unknown], "sarif", INFOS | {"x": ControlInfo(control="x")})
    assert json.loads(report)["$schema"].endswith("sarif-2.1.0.json")
    assert schema_errors(report) == []
