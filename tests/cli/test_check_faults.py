"""`controlbot check` never crashes, never fails open: one resource's fault is one ERROR, the rest is reported."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import boto3
import pytest

from bot.cli.main import main
from tests.cli.test_check import S3_KMS, buckets, controls
from tests.fakes.aws_endpoint import FakeAwsEndpoint, json_reply, text_reply

HEADER = "@control:{id} @service:{service} @severity:low @category:other\nFeature: {id}\n  Scenario: {id}\n"
LIFECYCLE_STEPS = """\
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
    And each resource is enriched by "s3.GetBucketLifecycleConfiguration" with "Bucket" from "Name"
    And the error "NoSuchLifecycleConfiguration" from "s3.GetBucketLifecycleConfiguration" means absent
"""
TABLE_STEPS = """\
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeTable" with "TableName" from "@"
"""


def feature(folder: Path, control: str, steps: str, service: str = "s3") -> Path:
    path = folder / service / f"{control}.feature"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(id=control, service=service) + steps, encoding="utf-8")
    return path


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[tuple[str, str], Any], str]:
    """(exit code, {(control, resource): finding}, stderr) of one `check --format json` run."""
    code = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    findings = {(f["control"], f["resource"]): f for f in json.loads(out)["findings"]}
    assert "Traceback" not in err
    return code, findings, err


@pytest.mark.usefixtures("aws")
def test_a_jmespath_type_error_is_an_error_for_that_bucket_and_every_other_finding_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"kms-bucket": "aws:kms", "bare-bucket": None})
    rule = {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 30}}
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.put_bucket_lifecycle_configuration(Bucket="kms-bucket", LifecycleConfiguration={"Rules": [rule]})
    folder = controls(tmp_path, S3_KMS)
    expression = 'Then the expression "length(GetBucketLifecycleConfiguration.Rules) > `0`" must be true\n'
    feature(folder, "s3-lifecycle", LIFECYCLE_STEPS + "    " + expression)
    assert main(["validate", str(folder / "s3" / "s3-lifecycle.feature")]) == 0
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 2
    assert findings[("s3-lifecycle", "kms-bucket")]["status"] == "PASS"
    bare = findings[("s3-lifecycle", "bare-bucket")]
    assert bare["status"] == "ERROR"
    assert bare["reasons"] == [
        '"length(GetBucketLifecycleConfiguration.Rules) > `0`": cannot be evaluated on this resource: '
        "In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], "
        'received: "null"'
    ]
    assert findings[(S3_KMS, "kms-bucket")]["status"] == "PASS"
    assert findings[(S3_KMS, "bare-bucket")]["status"] == "FAIL"


@pytest.mark.usefixtures("aws")
def test_an_unknown_jmespath_function_is_refused_by_validate_and_is_an_error_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"some-bucket": None})
    folder = tmp_path / "controls"
    path = feature(folder, "s3-nosuch", LIFECYCLE_STEPS + '    Then the expression "nosuch(Name)" must be true\n')
    assert main(["validate", str(path)]) == 1
    assert 'unknown JMESPath function "nosuch()"' in capsys.readouterr().out
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 2
    assert findings[("s3-nosuch", "-")]["status"] == "ERROR"
    assert 'unknown JMESPath function "nosuch()"' in findings[("s3-nosuch", "-")]["reasons"][0]


@pytest.mark.usefixtures("aws")
def test_a_proxys_plain_text_503_and_json_400_are_errors_and_moto_findings_are_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    buckets(**{"kms-bucket": "aws:kms"})
    folder = controls(tmp_path, S3_KMS)
    feature(
        folder,
        "ebs-default",
        '    Given the account setting read by "ec2.GetEbsEncryptionByDefault"\n'
        '    Then "GetEbsEncryptionByDefault.EbsEncryptionByDefault" must be true\n',
        "ec2",
    )
    feature(
        folder,
        "iam-users",
        '    Given the resources listed by "iam.ListUsers" at "Users" identified by "UserName"\n'
        '    Then "PasswordLastUsed" must be present\n',
        "iam",
    )
    mesh = text_reply("upstream connect error or disconnect/reset before headers. reset reason: overflow", 503)
    proxy = json_reply({"error": "blocked by egress policy"}, 400)
    with FakeAwsEndpoint(lambda op, _: mesh) as ec2, FakeAwsEndpoint(lambda op, _: proxy) as iam:
        monkeypatch.setenv("AWS_ENDPOINT_URL_EC2", ec2.url)
        monkeypatch.setenv("AWS_ENDPOINT_URL_IAM", iam.url)
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1")
    assert code == 2
    assert findings[(S3_KMS, "kms-bucket")]["status"] == "PASS"
    for control in ("ebs-default", "iam-users"):
        finding = next(f for (c, _), f in findings.items() if c == control)
        assert finding["status"] == "ERROR"
        assert "ResponseParserError: Unable to parse response" in finding["reasons"][0]
        assert "\n" not in finding["reasons"][0]


def tables_endpoint(tables: dict[str, Any], pages: int = 1) -> FakeAwsEndpoint:
    """A DynamoDB stand-in: ListTables over `pages` pages (-1: for ever), DescribeTable answering `tables`."""

    def respond(operation: str, body: dict[str, Any]) -> tuple[int, str, bytes]:
        if operation == "ListTables":
            page = int(body.get("ExclusiveStartTableName", "page-0").split("-")[1]) + 1
            listing: dict[str, Any] = {"TableNames": list(tables) if page == 1 else []}
            if pages < 0 or page < pages:
                listing["LastEvaluatedTableName"] = f"page-{page}"
            return json_reply(listing)
        description = tables[body["TableName"]]
        return json_reply(description) if isinstance(description, dict) else (200, "application/json", description)

    return FakeAwsEndpoint(respond)


@pytest.mark.usefixtures("aws")
def test_nan_and_out_of_range_timestamps_and_very_deep_values_are_errors_per_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = b'{"Table": {"TableName": "deep", "Nested": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    tables = {
        "nan-table": {"Table": {"TableName": "nan-table", "ItemCount": float("nan")}},
        "huge-table": {"Table": {"TableName": "huge-table", "ItemCount": 1e300}},
        "deep-table": deep,
        "fresh-table": {"Table": {"TableName": "fresh-table", "ItemCount": 1_700_000_000}},
    }
    folder = tmp_path / "controls"
    feature(
        folder,
        "ddb-age",
        TABLE_STEPS + '    Then "DescribeTable.Table.ItemCount" must be at most 36500 days old\n',
        "dynamodb",
    )
    with tables_endpoint(tables) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1")
    assert code == 2
    statuses = {resource: f["status"] for (_, resource), f in findings.items()}
    assert statuses == {"nan-table": "ERROR", "huge-table": "ERROR", "deep-table": "ERROR", "fresh-table": "PASS"}
    assert "cannot be evaluated on this resource" in findings[("ddb-age", "nan-table")]["reasons"][0]


@pytest.mark.usefixtures("aws")
def test_an_endpoint_that_paginates_for_ever_is_stopped_at_max_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "controls"
    feature(
        folder, "ddb-items", TABLE_STEPS + '    Then "DescribeTable.Table.ItemCount" must be at least 0\n', "dynamodb"
    )
    with tables_endpoint({"t1": {"Table": {"ItemCount": 1}}}, pages=-1) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1", "--max-pages", "25")
        listed = endpoint.requests.count("ListTables")
    assert code == 2
    assert listed == 26
    [finding] = findings.values()
    assert finding["status"] == "ERROR"
    assert "more than 25 pages (raise --max-pages to read further)" in finding["reasons"][0]


@pytest.mark.usefixtures("aws")
def test_a_backtracking_regex_on_a_hostile_name_is_an_error_within_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "a" * 40 + ".b"
    tables = {hostile: {"Table": {"TableName": hostile}}, "good-name": {"Table": {"TableName": "good-name"}}}
    folder = tmp_path / "controls"
    feature(
        folder,
        "ddb-names",
        TABLE_STEPS + '    Then "DescribeTable.Table.TableName" must match "^(a|aa)+$|-"\n',
        "dynamodb",
    )
    with tables_endpoint(tables) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        code, findings, _ = check_json(capsys, str(folder), "--region", "us-east-1")
    assert code == 2
    assert findings[("ddb-names", "good-name")]["status"] == "PASS"
    assert findings[("ddb-names", hostile)]["status"] == "ERROR"
    assert "took longer than 1s" in findings[("ddb-names", hostile)]["reasons"][0]


@pytest.mark.usefixtures("aws")
def test_control_characters_in_resource_names_never_reach_the_terminal_or_break_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["evil\x1b[2J\x07", "rev\u202egnp.exe", "nul\x00byte"]
    tables = {name: {"Table": {"TableName": name, "ItemCount": -1}} for name in names}
    folder = tmp_path / "controls"
    feature(
        folder, "ddb-count", TABLE_STEPS + '    Then "DescribeTable.Table.ItemCount" must be at least 0\n', "dynamodb"
    )
    with tables_endpoint(tables) as endpoint:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", endpoint.url)
        assert main(["check", str(folder), "--region", "us-east-1"]) == 1
        text = capsys.readouterr().out
        assert main(["check", str(folder), "--region", "us-east-1", "--format", "junit"]) == 1
        junit = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\u202e", "\x00"):
        assert raw not in text and raw not in junit
    assert "evil\\x1b[2J\\x07" in text and "rev\\u202egnp.exe" in text
    cases = ET.fromstring(junit).iter("testcase")
    assert sorted(case.get("name", "") for case in cases) == [
        "ddb-count [evil\\x1b[2J\\x07 @ us-east-1]",
        "ddb-count [nul\\x00byte @ us-east-1]",
        "ddb-count [rev\\u202egnp.exe @ us-east-1]",
    ]


@pytest.mark.usefixtures("aws")
def test_an_ordering_comparison_between_a_string_and_a_number_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buckets(**{"some-bucket": None})
    folder = tmp_path / "controls"
    feature(folder, "s3-order", LIFECYCLE_STEPS + '    Then the expression "Name < `1`" must be true\n')
    code, findings, _ = check_json(capsys, str(folder))
    assert code == 2
    assert findings[("s3-order", "some-bucket")]["status"] == "ERROR"
    assert (
        "'<' not supported between instances of 'str' and 'int'" in findings[("s3-order", "some-bucket")]["reasons"][0]
    )


STS_REFUSAL = (
    b'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>'
    b"<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>"
    b"</Error><RequestId>r-1</RequestId></ErrorResponse>"
)


@pytest.mark.usefixtures("aws")
def test_credentials_aws_refuses_end_the_run_at_once_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = controls(tmp_path, S3_KMS)
    with FakeAwsEndpoint(lambda op, _: (403, "text/xml", STS_REFUSAL)) as sts:
        monkeypatch.setenv("AWS_ENDPOINT_URL_STS", sts.url)
        assert main(["check", str(folder), "--region", "us-east-1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("controlbot: AWS refused the credentials (InvalidClientTokenId): ") and err.count("\n") == 1


@pytest.mark.usefixtures("aws")
def test_an_endpoint_that_does_not_answer_ends_the_run_in_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = controls(tmp_path, S3_KMS)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    assert main(["check", str(folder), "--region", "us-east-1"]) == 2
    assert capsys.readouterr().err.startswith("controlbot: cannot reach AWS STS to check the credentials: ")
