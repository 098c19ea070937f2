"""`controlbot test` end to end: statuses per control, exit codes, JSON, and what it says when moto is missing."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.paths import REPO

VERSIONING = REPO / "controls" / "s3" / "s3-bucket-versioning-enabled"


def _copy(tmp_path: Path, test_text: str | None = None) -> Path:
    folder = tmp_path / "controls" / "s3"
    folder.mkdir(parents=True)
    for suffix in (".yaml", ".feature", ".test.yaml"):
        shutil.copy(VERSIONING.with_name(VERSIONING.name + suffix), folder)
    if test_text is not None:
        (folder / f"{VERSIONING.name}.test.yaml").write_text(test_text, encoding="utf-8")
    return tmp_path / "controls"


def test_passing_cases_exit_0_and_say_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(_copy(tmp_path))]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("PASS  s3-bucket-versioning-enabled (3 case(s))")
    assert "1 control(s): 1 pass, 0 fail, 0 skip, 0 error; 0 without test cases" in err


def test_a_case_the_control_gets_wrong_exits_1_with_the_case_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = "cases:\n  - name: never set\n    setup:\n      - call: s3.CreateBucket\n        with: {Bucket: archive}\n    expect: {archive: PASS}\n"
    wrong += "  - name: also never set\n    setup:\n      - call: s3.CreateBucket\n        with: {Bucket: archive}\n    expect: {archive: FAIL}\n"
    assert main(["test", str(_copy(tmp_path, wrong))]) == 1
    out = capsys.readouterr().out
    assert (
        "case 'never set' (" in out
        and "s3-bucket-versioning-enabled.test.yaml:2): archive: expected PASS, got FAIL" in out
    )


def test_a_broken_test_file_exits_2_and_the_other_controls_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    controls = _copy(tmp_path)
    other = controls / "kms"
    other.mkdir()
    (other / "kms-key.feature").write_text(
        (REPO / "controls/kms/kms-customer-key-automatic-rotation.feature").read_text()
    )
    (other / "kms-key.test.yaml").write_text("cases: [{name: a, expect: {k: MAYBE}}]\n")
    (other / "orphan.test.yaml").write_text("skip: nothing\n")
    assert main(["test", str(controls), "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    statuses = {r["control"]: (r["status"], r["reason"]) for r in report["results"]}
    assert statuses["s3-bucket-versioning-enabled"][0] == "PASS"
    assert statuses["kms-key"][0] == "ERROR" and "kms-key.test.yaml:1: key 'cases.0.expect.k'" in statuses["kms-key"][1]
    assert statuses["orphan"] == ("ERROR", f"{other.as_posix()}/orphan.test.yaml: no .feature beside it")
    assert (report["pass"], report["error"], report["untested"]) == (1, 2, 0)


def test_controls_without_test_cases_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    controls = _copy(tmp_path)
    (controls / "s3" / f"{VERSIONING.name}.test.yaml").unlink()
    assert main(["test", str(controls)]) == 0
    assert "0 pass, 0 fail, 0 skip, 0 error; 1 without test cases" in capsys.readouterr().err


def test_without_moto_it_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "moto", None)  # what an install without the [test] extra looks like
    assert main(["test", str(_copy(tmp_path))]) == 2
    assert "pip install 'controlbot[test]'" in capsys.readouterr().err


def test_an_endpoint_override_does_not_leak_out_of_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens: a leak would be an ERROR
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
    assert main(["test", str(_copy(tmp_path))]) == 0
    import os

    assert os.environ["AWS_ENDPOINT_URL"] == "http://127.0.0.1:9"


def test_a_control_that_does_not_validate_is_an_error_not_a_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    controls = _copy(tmp_path)
    feature = controls / "s3" / f"{VERSIONING.name}.feature"
    feature.write_text(feature.read_text().replace('"GetBucketVersioning.Status"', '"GetBucketVersioning.State"'))
    assert main(["test", str(controls)]) == 2
    assert "ERROR s3-bucket-versioning-enabled: the control has 1 validate error(s), first: " in capsys.readouterr().out
