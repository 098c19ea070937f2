"""`controlbot check` end to end: the CLI against a moto server reached through AWS_ENDPOINT_URL."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import boto3
import pytest

from bot.cli.main import main
from tests.paths import FIXTURES, REPO

FEATURES = FIXTURES / "features"
S3_KMS = "s3-default-encryption-uses-kms"
EBS_DEFAULT = "ebs-default-encryption"


def controls(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "controls"
    for name in names:
        source = next(FEATURES.rglob(f"{name}.feature"))
        target = folder / "some-service" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    return folder


def buckets(**algorithms: str | None) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    for name, algorithm in algorithms.items():
        s3.create_bucket(Bucket=name)
        if algorithm:
            rule = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": algorithm}}
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [rule]})


def test_json_report_and_exit_1_when_a_resource_fails(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "plain-bucket": None})
    boto3.client("ec2", region_name="eu-west-1").enable_ebs_encryption_by_default()
    folder = controls(tmp_path, S3_KMS, EBS_DEFAULT)
    code = main(["check", str(folder), "--region", "us-east-1", "--region", "eu-west-1", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    rows = {(f["control"], f["resource"], f["region"]): f["status"] for f in report["findings"]}
    assert rows == {
        (S3_KMS, "kms-bucket", "global"): "PASS",
        (S3_KMS, "plain-bucket", "global"): "FAIL",
        (EBS_DEFAULT, "123456789012", "us-east-1"): "FAIL",
        (EBS_DEFAULT, "123456789012", "eu-west-1"): "PASS",
    }
    assert report["summary"]["PASS"] == 2 and report["summary"]["FAIL"] == 2
    assert code == 1


def test_text_table_and_exit_0_when_everything_passes(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "dsse-bucket": "aws:kms:dsse"})
    code = main(["check", str(controls(tmp_path, S3_KMS))])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].split() == ["CONTROL", "SCENARIO", "RESOURCE", "REGION", "STATUS", "REASON"]
    assert "dsse-bucket" in out and "kms-bucket" in out
    assert out.splitlines()[-1] == "2 PASS, 0 FAIL, 0 NOT_APPLICABLE, 0 ERROR, 0 MANUAL"


def test_a_feature_that_does_not_parse_is_named_and_the_others_still_run(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms"})
    folder = controls(tmp_path, S3_KMS, "not-gherkin")
    code = main(["check", str(folder), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert "not-gherkin.feature:7" in captured.err
    report = json.loads(captured.out)
    statuses = {(f["control"], f["status"]) for f in report["findings"]}
    assert statuses == {(S3_KMS, "PASS"), ("not-gherkin", "ERROR")}


def test_junit_report_written_to_a_file(aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buckets(**{"kms-bucket": "aws:kms", "aes-bucket": "AES256"})
    report = tmp_path / "report.xml"
    code = main(["check", str(controls(tmp_path, S3_KMS)), "--format", "junit", "--output", str(report)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "1 PASS, 1 FAIL" in captured.err
    cases = {c.get("name"): c for c in ET.parse(report).getroot().iter("testcase")}
    assert set(cases) == {
        "the default encryption rule uses a KMS key [kms-bucket @ global]",
        "the default encryption rule uses a KMS key [aes-bucket @ global]",
    }
    assert cases["the default encryption rule uses a KMS key [aes-bucket @ global]"].find("failure") is not None


def test_controls_folder_is_the_default(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    buckets(**{"aes-bucket": "AES256"})
    controls(tmp_path, S3_KMS)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    assert [f["resource"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["aes-bucket"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["does-not-exist"], "does-not-exist: no such file or folder"),
        (["--profile", "nobody-has-this-profile"], "nobody-has-this-profile"),
        (["--workers", "0"], "--workers must be at least 1"),
    ],
)
def test_bad_usage_exits_2_with_a_message(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    folder = controls(tmp_path, S3_KMS)
    paths = [] if extra[0] == "does-not-exist" else [str(folder)]
    assert main(["check", *paths, *extra]) == 2
    assert message in capsys.readouterr().err


def test_no_region_anywhere_is_bad_usage(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    assert main(["check", str(controls(tmp_path, S3_KMS))]) == 2
    assert "no region configured" in capsys.readouterr().err


def test_one_run_writes_a_report_per_output_and_format(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "plain-bucket": None})
    folder = controls(tmp_path, S3_KMS)
    sarif, summary = tmp_path / "check.sarif", tmp_path / "summary.md"
    args = [
        "check",
        str(folder),
        "--region",
        "us-east-1",
        "--output",
        f"sarif:{sarif}",
        "--output",
        f"markdown:{summary}",
    ]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == "" and "1 PASS, 1 FAIL" in err
    [result] = json.loads(sarif.read_text())["runs"][0]["results"]
    assert "plain-bucket" in result["message"]["text"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(f"{S3_KMS}.feature")
    assert "| FAIL | " in summary.read_text() and "plain-bucket" in summary.read_text()


def test_a_suppressed_fail_is_reported_as_such_and_does_not_fail_the_run(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "plain-bucket": None})
    folder = controls(tmp_path, S3_KMS)
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(
        f"suppressions:\n  - control: {S3_KMS}\n    resource: plain-*\n    reason: public website\n    expires: 2999-01-01\n"
    )
    code = main(["check", str(folder), "--region", "us-east-1", "--suppressions", str(accepted), "--format", "sarif"])
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert code == 0
    assert result["suppressions"] == [
        {"kind": "external", "justification": "suppressed until 2999-01-01: public website"}
    ]


def test_shards_merged_are_the_same_findings_as_one_run(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "plain-bucket": None})
    folder = tmp_path / "controls"
    shutil.copytree(REPO / "controls" / "s3", folder / "s3")
    base = ["check", str(folder), "--region", "us-east-1", "--format", "json"]
    main([*base, "--output", str(tmp_path / "all.json")])
    for index in (1, 2, 3):
        main([*base, "--shard", f"{index}/3", "--output", str(tmp_path / f"shard-{index}.json")])
    shards = [str(tmp_path / f"shard-{index}.json") for index in (1, 2, 3)]
    capsys.readouterr()
    code = main(["report", "merge", *shards, "--format", "json"])
    merged = json.loads(capsys.readouterr().out)
    whole = json.loads((tmp_path / "all.json").read_text())
    key = lambda f: (f["control"], f["scenario"], f["resource"], f["region"])  # noqa: E731
    assert sorted(merged["findings"], key=key) == sorted(whole["findings"], key=key)
    assert merged["summary"] == whole["summary"] and code == (1 if whole["summary"]["FAIL"] else 0)
    sizes = [len(json.loads(Path(s).read_text())["findings"]) for s in shards]
    assert sum(sizes) == len(whole["findings"]) and all(sizes)


def test_a_shard_that_is_not_i_of_n_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--shard", "4/3"]) == 2
    assert "--shard 4/3: give I/N with 1 <= I <= N" in capsys.readouterr().err


def test_merging_a_file_that_is_not_a_report_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").write_text('{"results": []}')
    assert main(["report", "merge", str(tmp_path / "x.json")]) == 2
    assert "x.json: has no findings list" in capsys.readouterr().err


def test_progress_on_a_terminal_colour_unless_no_color_and_quiet_says_nothing(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    buckets(**{"kms-bucket": "aws:kms", "plain-bucket": None})
    folder = controls(tmp_path, S3_KMS)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(["check", str(folder), "--region", "us-east-1"])
    out, err = capsys.readouterr()
    assert "\rcontrolbot: 1/1 scenarios listed, 2 resources, " in err and "\x1b[31mFAIL\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", str(folder), "--region", "us-east-1", "--quiet"])
    out, err = capsys.readouterr()
    assert "\x1b[" not in out and "  FAIL  " in out and err == ""
