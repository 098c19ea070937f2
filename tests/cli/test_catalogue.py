"""`controlbot catalogue …` and `check --catalogue`: the shipped controls, browsed, copied and run as a scanner."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest

from bot.cli.main import main
from bot.corpus.catalogue import CATALOGUE, Catalogue
from tests.paths import REPO

VERSIONING = "s3-bucket-versioning-enabled"


def test_the_catalogue_is_the_repositorys_controls() -> None:
    pairs = [p for p in (REPO / "controls").rglob("*.feature") if p.with_suffix(".yaml").is_file()]
    assert sorted(e.id for e in Catalogue.load().entries) == sorted(p.stem for p in pairs)
    assert CATALOGUE.resolve() == (REPO / "controls").resolve()


def test_list_filters_by_service_severity_and_framework_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "list", "--service", "s3", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert VERSIONING in [e["id"] for e in listed] and {e["service"] for e in listed} == {"s3"}
    assert main(["catalogue", "list", "--framework", "cis-aws-3.0", "--severity", "high", "--format", "json"]) == 0
    mapped = json.loads(capsys.readouterr().out)
    assert mapped and all(e["severity"] == "high" for e in mapped)
    assert all(any(f.lower().startswith("cis-aws-3.0:") for f in e["frameworks"]) for e in mapped)


def test_a_filter_that_matches_nothing_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "list", "--service", "no-such-service"]) == 2
    assert (
        "no catalogue control matches the filters (no service no-such-service in the catalogue)"
        in capsys.readouterr().err
    )


def test_show_prints_request_feature_and_test_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "show", VERSIONING]) == 0
    out = capsys.readouterr().out
    assert f"# request: {VERSIONING}.yaml" in out and f"# feature: {VERSIONING}.feature" in out
    assert f"# test cases: {VERSIONING}.test.yaml" in out and 'must be "Enabled"' in out


def test_an_unknown_id_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "show", "s3-bucket-versioning"]) == 2
    assert f"no catalogue control 's3-bucket-versioning'; did you mean {VERSIONING}" in capsys.readouterr().err


def test_search_ranks_the_control_that_reads_like_the_text_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "search", "keep", "every", "version", "of", "bucket", "objects"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split()[1] == VERSIONING


def test_add_copies_the_three_files_under_a_new_id_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "controls"
    assert main(["catalogue", "add", VERSIONING, "--as", "data-versioning", "--to", str(target)]) == 0
    copied = sorted(p.name for p in (target / "s3").iterdir())
    assert copied == ["data-versioning.feature", "data-versioning.test.yaml", "data-versioning.yaml"]
    assert "@control:data-versioning " in (target / "s3" / "data-versioning.feature").read_text()
    assert main(["validate", str(target)]) == 0
    assert main(["catalogue", "add", VERSIONING, "--as", "data-versioning", "--to", str(target)]) == 2
    assert "already exist(s); pick another id with --as" in capsys.readouterr().err


def test_check_catalogue_runs_the_shipped_s3_controls_against_an_account(
    aws: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    for name in ("kept-bucket", "loose-bucket"):
        s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket="kept-bucket", VersioningConfiguration={"Status": "Enabled"})
    code = main(["check", "--catalogue", "--service", "s3", "--region", "us-east-1", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    rows = {(f["control"], f["resource"]): f["status"] for f in findings}
    assert rows[(VERSIONING, "kept-bucket")] == "PASS" and rows[(VERSIONING, "loose-bucket")] == "FAIL"
    assert {f["control"] for f in findings} == {e.id for e in Catalogue.load().select(["s3"])}
    assert code in (1, 2)


def test_filters_that_keep_no_control_are_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(REPO / "controls" / "s3"), "--service", "ec2", "--region", "us-east-1"]) == 2
    assert "no control matches --service/--severity/--framework/--control" in capsys.readouterr().err


def test_the_ledger_file_is_what_the_controls_say(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "ledger"]) == 0
    assert capsys.readouterr().out == (REPO / "controls" / "LEDGER.md").read_text(encoding="utf-8")


def test_the_ledger_counts_review_verdicts_per_provider(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "controls" / "s3"
    folder.mkdir(parents=True)
    seed = REPO / "controls" / "s3" / VERSIONING
    for control, line in (("a-b", "provider=offline model=- prompt=x review=edited"), ("c-d", "provider=human")):
        (folder / f"{control}.yaml").write_bytes(seed.with_suffix(".yaml").read_bytes())
        body = seed.with_suffix(".feature").read_text().split("\n", 1)[1]
        (folder / f"{control}.feature").write_text(f"# controlbot: request-sha256=0 {line}\n{body}")
    assert main(["catalogue", "ledger", str(tmp_path / "controls")]) == 0
    table = capsys.readouterr().out
    assert "| human | 0 | 0 | 0 | 1 | 1 |" in table and "| offline | 0 | 1 | 0 | 0 | 1 |" in table
