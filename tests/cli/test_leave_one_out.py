"""`controlbot eval --leave-one-out`: each merged control regenerated without itself, compared, run on its cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.paths import REPO

CONTROLS = REPO / "controls"


def _folder(tmp_path: Path, *ids: str) -> Path:
    for control in ids:
        source = next(CONTROLS.rglob(f"{control}.yaml"))
        target = tmp_path / "controls" / source.parent.name
        target.mkdir(parents=True, exist_ok=True)
        for suffix in (".yaml", ".feature", ".test.yaml"):
            shutil.copy(source.with_name(control + suffix), target)
    return tmp_path / "controls"


def test_each_control_is_regenerated_scored_and_run_on_its_own_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, "s3-bucket-versioning-enabled", "iam-root-user-mfa-enabled")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "loo.json"
    args = ["eval", "--leave-one-out", str(folder), "--no-catalogue", "--provider", "offline", "--json", str(out)]
    assert main(args) == 0
    report = json.loads(out.read_text())
    rows = {e["id"]: e for e in report["entries"]}
    versioning = rows["s3-bucket-versioning-enabled"]
    assert (versioning["operations"], versioning["fields"], versioning["behaviour"]) == (1.0, 1.0, "PASS")
    assert rows["iam-root-user-mfa-enabled"]["behaviour"] == "SKIP"  # its cases say moto cannot model it
    summary = json.loads(capsys.readouterr().out)
    assert summary == report["summary"] and summary["controls"] == 2 and summary["behaviour_runs"] == 1


def test_eval_without_a_benchmark_or_leave_one_out_says_what_it_needs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval"]) == 2
    assert "give a benchmark file, or --leave-one-out [controls/]" in capsys.readouterr().err


def test_a_draft_reporting_resources_by_another_identifier_is_judged_on_its_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, "cloudtrail-trail-log-file-validation")  # its cases name trails by ARN
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "loo.json"
    assert main(["eval", "--leave-one-out", str(folder), "--no-catalogue", "--json", str(out)]) == 0
    (row,) = json.loads(out.read_text())["entries"]
    assert row["behaviour"] == "PASS"
