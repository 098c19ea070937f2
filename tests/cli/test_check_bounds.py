"""`controlbot check` bounds and usage: each bound is reported when hit, bad usage is caught before the run."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import boto3
import pytest

from bot.cli.main import main
from tests.cli.test_check import S3_KMS, buckets, controls
from tests.cli.test_check_faults import LIFECYCLE_STEPS, check_json, feature
from tests.fakes.aws_endpoint import FakeAwsEndpoint, json_reply


@pytest.mark.usefixtures("aws")
def test_output_into_a_missing_folder_is_bad_usage_before_any_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    with FakeAwsEndpoint(lambda op, _: (calls.append(op), json_reply({"Buckets": []}))[1]) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint.url)
        missing = tmp_path / "reports" / "check.xml"
        code = main(["check", str(controls(tmp_path, S3_KMS)), "--format", "junit", "--output", str(missing)])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"--output {missing}: the folder {missing.parent} does not exist; create it first" in err
    assert "Traceback" not in err and out == ""
    assert calls == []


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--max-pages", "0", "--max-pages must be at least 1, not 0"),
        ("--max-resources", "-3", "--max-resources must be at least 1, not -3"),
        ("--timeout", "nan", "--timeout must be a positive number of seconds, not nan"),
        ("--timeout", "0", "--timeout must be a positive number of seconds, not 0.0"),
    ],
)
@pytest.mark.usefixtures("aws")
def test_bounds_that_make_no_sense_are_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    assert main(["check", str(controls(tmp_path, S3_KMS)), flag, value]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.usefixtures("aws")
def test_more_resources_than_max_resources_checks_the_first_and_reports_the_rest_as_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{f"bucket-{i}": "aws:kms" for i in range(5)})
    code, findings, _ = check_json(capsys, str(controls(tmp_path, S3_KMS)), "--max-resources", "3")
    assert code == 2
    assert sorted(r for (_, r), f in findings.items() if f["status"] == "PASS") == ["bucket-0", "bucket-1", "bucket-2"]
    assert findings[(S3_KMS, "-")]["status"] == "ERROR"
    assert findings[(S3_KMS, "-")]["reasons"] == [
        "5 resources listed; only the first 3 were checked (raise --max-resources to check them all)"
    ]


@pytest.mark.usefixtures("aws")
def test_the_run_time_limit_reports_what_was_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(operation: str, body: dict[str, Any]) -> tuple[int, str, bytes]:
        if operation == "ListTables":
            return json_reply({"TableNames": ["slow-table"]})
        time.sleep(4)
        return json_reply({"Table": {"TableName": "slow-table", "ItemCount": 1}})

    folder = tmp_path / "controls"
    steps = (
        '    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"\n'
        '    And each resource is enriched by "dynamodb.DescribeTable" with "TableName" from "@"\n'
        '    Then "DescribeTable.Table.ItemCount" must be at least 0\n'
    )
    feature(folder, "ddb-slow", steps, "dynamodb")
    with FakeAwsEndpoint(slow) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        started = time.monotonic()
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1", "--timeout", "1")
        elapsed = time.monotonic() - started
    assert code == 2 and elapsed < 3.5
    assert findings[("ddb-slow", "slow-table")]["status"] == "ERROR"
    assert findings[("ddb-slow", "slow-table")]["reasons"] == [
        "not checked: the run's time limit was reached (raise --timeout to allow longer runs)"
    ]


@pytest.mark.usefixtures("aws")
def test_aws_region_is_honoured_when_no_region_flag_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    boto3.client("ec2", region_name="eu-west-1").enable_ebs_encryption_by_default()
    code, findings, _ = check_json(capsys, str(controls(tmp_path, "ebs-default-encryption")))
    assert code == 0
    assert [f["region"] for f in findings.values()] == ["eu-west-1"]


@pytest.mark.usefixtures("aws")
def test_a_typo_in_an_assertion_verb_is_an_error_not_a_silent_manual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"some-bucket": None})
    folder = tmp_path / "controls"
    path = feature(
        folder, "s3-typo", LIFECYCLE_STEPS + '    Then "GetBucketLifecycleConfiguration.Rules" must equal "x"\n'
    )
    assert main(["validate", str(path)]) == 1
    assert "is not in the control language (a typo in a step form?)" in capsys.readouterr().out
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 2
    assert [f["status"] for f in findings.values()] == ["ERROR"]


@pytest.mark.usefixtures("aws")
def test_the_manual_form_runs_as_manual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buckets(**{"some-bucket": None})
    folder = tmp_path / "controls"
    steps = '    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"\n'
    path = feature(folder, "s3-manual", steps + "    Then manual: the bucket owner confirms the data class\n")
    assert main(["validate", str(path)]) == 0
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 0
    assert [(f["status"], f["reasons"]) for f in findings.values()] == [
        ("MANUAL", ["manual check: the bucket owner confirms the data class"])
    ]


@pytest.mark.usefixtures("aws")
def test_access_denied_declared_absent_is_refused_and_never_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    denied = (403, "application/x-amz-json-1.0", b'{"__type": "AccessDeniedException", "message": "no"}')
    folder = tmp_path / "controls"
    steps = (
        '    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"\n'
        '    And each resource is enriched by "dynamodb.DescribeContinuousBackups" with "TableName" from "@"\n'
        '    And the error "AccessDeniedException" from "dynamodb.DescribeContinuousBackups" means absent\n'
        '    Then "DescribeContinuousBackups" must be absent\n'
    )
    path = feature(folder, "ddb-denied", steps, "dynamodb")
    assert main(["validate", str(path)]) == 1
    assert 'the error "AccessDeniedException" is an access, throttling or service fault' in capsys.readouterr().out

    def respond(operation: str, _: dict[str, Any]) -> tuple[int, str, bytes]:
        return json_reply({"TableNames": ["t1"]}) if operation == "ListTables" else denied

    with FakeAwsEndpoint(respond) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1")
    assert code == 2
    assert [f["status"] for f in findings.values()] == ["ERROR"]


@pytest.mark.usefixtures("aws")
def test_a_feature_with_a_utf8_bom_validates_and_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buckets(**{"kms-bucket": "aws:kms"})
    folder = controls(tmp_path, S3_KMS)
    path = next(folder.rglob("*.feature"))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert main(["validate", str(path)]) == 0
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 0 and [f["status"] for f in findings.values()] == ["PASS"]


@pytest.mark.usefixtures("aws")
def test_an_oversized_or_crafted_feature_is_an_error_and_the_other_controls_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms"})
    folder = controls(tmp_path, S3_KMS)
    huge = feature(folder, "s3-huge", LIFECYCLE_STEPS + '    Then "Name" must be present\n')
    with huge.open("a") as handle:
        handle.write(("    # padding " + "x" * 1000 + "\n") * 20_000)
    feature(folder, "s3-crafted", LIFECYCLE_STEPS + '    Then "Name" must match "a{4294967296}"\n')
    code, findings, err = check_json(capsys, str(folder))
    assert code == 2
    assert findings[(S3_KMS, "kms-bucket")]["status"] == "PASS"
    assert findings[("s3-huge", "-")]["status"] == "ERROR"
    assert "features are limited to 256 KiB" in findings[("s3-huge", "-")]["reasons"][0]
    assert "features are limited to 256 KiB" in err
    assert findings[("s3-crafted", "-")]["status"] == "ERROR"
    assert "the repetition number is too large" in findings[("s3-crafted", "-")]["reasons"][0]
