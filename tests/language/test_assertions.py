"""Assertions and filters on a resource document: fail closed, projections element by element."""

from __future__ import annotations

import pytest

from bot.language.assertions import Document, PathError, failure, filter_failure, is_projection, search
from bot.language.grammar import Step, parse_step
from bot.language.values import StepSyntaxError

BUCKET = Document(
    {"Name": "logs", "CreationDate": "2024-01-01"},
    {
        "GetBucketEncryption": {
            "ServerSideEncryptionConfiguration": {
                "Rules": [
                    {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "k1"}},
                    {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}},
                ]
            }
        },
        "GetBucketVersioning": {"Status": "Enabled", "MFADelete": "Disabled"},
        "GetBucketTagging": {"TagSet": [{"Key": "owner", "Value": "sec"}, {"Key": "env", "Value": "prod"}]},
        "GetQueueAttributes": {"Attributes": {"MessageRetentionPeriod": "345600", "Delay": "0"}},
        "Counts": {"Zero": 0, "Many": 12, "Flag": True, "Empty": [], "Nothing": None},
    },
)


def step(text: str) -> Step:
    parsed = parse_step(text)
    assert parsed is not None, text
    return parsed


def outcome(text: str, document: Document = BUCKET) -> str | None:
    return failure(step(text), document)


@pytest.mark.parametrize(
    "text",
    [
        '"GetBucketVersioning.Status" must be "Enabled"',
        '"GetBucketVersioning.MFADelete" must not be "Enabled"',
        '"GetBucketVersioning.Status" must be one of ["Enabled", "Suspended"]',
        '"GetBucketVersioning.Status" must not be one of ["Suspended"]',
        '"Name" must be present',
        '"GetBucketPolicy" must be absent',
        '"GetBucketTagging.TagSet" must not be empty',
        '"Counts.Many" must be at least 12',
        '"Counts.Many" must be at most 12.5',
        '"GetQueueAttributes.Attributes.MessageRetentionPeriod" must be at least 86400',
        '"Name" must match "^lo"',
        '"GetBucketTagging.TagSet[].Key" must contain "owner"',
        '"GetBucketTagging.TagSet[].Key" must not contain "public"',
        '"Name" must contain "og"',
        '"Counts.Flag" must be true',
        '"Counts.Many" must be 12.0',
        '"GetBucketTagging.TagSet[?Key==\'env\'].Value" must be "prod"',
        'the expression "Counts.Zero" must be true',
        "the expression \"GetBucketVersioning.Status == 'Enabled' && Name == 'logs'\" must be true",
    ],
)
def test_assertions_that_hold(text: str) -> None:
    assert outcome(text) is None


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ('"GetBucketVersioning.Status" must be "Suspended"', '"Enabled"'),
        ('"Counts.Flag" must be 1', "true"),
        ('"Counts.Many" must be "12"', "12"),
        ('"GetBucketPolicy.Policy" must not be false', "nothing"),
        ('"GetBucketPolicy.Policy" must not be one of ["x"]', "nothing"),
        ('"GetBucketVersioning" must be absent', '"Status": "Enabled"'),
        ('"Counts.Empty" must not be empty', "[]"),
        ('"Counts.Many" must not be empty', "12"),
        ('"Counts.Many" must be at least 13', "12"),
        ('"Name" must be at least 1', '"logs"'),
        ('"Counts.Flag" must be at most 5', "true"),
        ('"Name" must match "^x"', '"logs"'),
        ('"Counts.Many" must match "1"', "12"),
        ('"GetBucketTagging.TagSet[].Key" must contain "public"', '["owner", "env"]'),
        ('"GetBucketTagging.TagSet[].Key" must not contain "env"', '["owner", "env"]'),
        ('"Counts.Nothing" must not contain "x"', "nothing"),
        ('the expression "Counts.Empty" must be true', "[]"),
        ('the expression "GetBucketPolicy" must be true', "null"),
    ],
)
def test_assertions_that_fail_show_the_actual_value(text: str, actual: str) -> None:
    reason = outcome(text)
    assert reason is not None
    assert actual in reason.split("actual", 1)[1]


def test_a_projection_must_hold_for_every_element() -> None:
    reason = outcome(
        '"GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault'
        '.SSEAlgorithm" must be "aws:kms"'
    )
    assert reason is not None and 'actual ["aws:kms", "AES256"]' in reason


def test_a_projection_element_without_the_value_fails_closed() -> None:
    path = "GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[*].ApplyServerSideEncryptionByDefault"
    reason = outcome(f'"{path}.KMSMasterKeyID" must be present')
    assert reason is not None and 'actual ["k1", null]' in reason


def test_an_empty_projection_fails_everything_but_absent() -> None:
    empty = "\"GetBucketTagging.TagSet[?Key=='team'].Value\""
    assert outcome(f'{empty} must not be "x"') is not None
    assert outcome(f"{empty} must be present") is not None
    assert outcome(f'{empty} must not contain "x"') is not None
    assert outcome(f"{empty} must be absent") is None
    assert outcome("\"GetBucketTagging.TagSet[?Key=='env'].Value\" must be absent") is not None


def test_a_missing_response_fails_every_assertion_but_absent() -> None:
    absent = Document({"Name": "b"}, {})
    path = '"GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault"'
    for text in (
        f"{path} must not be false",
        f"{path} must be present",
        f"{path} must not be empty",
        f'{path} must not be one of ["AES256"]',
        f'{path} must not contain "x"',
    ):
        reason = outcome(text, absent)
        assert reason is not None and "nothing" in reason, text
    assert outcome(f"{path} must be absent", absent) is None


def test_projection_is_decided_by_the_path_not_the_value() -> None:
    tags = Document({"Tags": ["a", "b"]})
    assert not is_projection("Tags")
    assert outcome('"Tags" must be ["a", "b"]', tags) is None
    assert outcome('"Tags[]" must be ["a", "b"]', tags) is not None
    assert outcome('"Tags[]" must match "^[ab]$"', tags) is None
    assert is_projection("a.b[*].c") and is_projection("a[?x].b") and is_projection("a.*.b")
    assert not is_projection("a[].b | [0]") and not is_projection("length(a[])")


def test_a_string_item_is_addressed_with_at() -> None:
    table = Document("orders", {"DescribeTable": {"Table": {"TableStatus": "ACTIVE"}}})
    assert search("@", table) == "orders"
    assert outcome('"@" must match "^ord"', table) is None
    assert outcome('"DescribeTable.Table.TableStatus" must be "ACTIVE"', table) is None


@pytest.mark.parametrize(
    ("text", "document", "kept"),
    [
        ('only resources where "GetBucketVersioning.Status" is "Enabled"', BUCKET, True),
        ('only resources where "GetBucketVersioning.Status" is not "Enabled"', BUCKET, False),
        ('only resources where "GetBucketVersioning.Status" is one of ["Suspended"]', BUCKET, False),
        ('only resources where "GetBucketTagging.TagSet" is present', BUCKET, True),
        ('only resources where "GetBucketPolicy" is absent', BUCKET, True),
        ('only resources where "Missing" is present', BUCKET, False),
        ('only resources where "Missing" is not "x"', BUCKET, False),
        ('only resources where "Missing" is false', BUCKET, False),
        ('only resources where "GetBucketTagging.TagSet[?Key==\'env\'].Value | [0]" is "prod"', BUCKET, True),
    ],
)
def test_filters_keep_a_resource_only_when_they_hold(text: str, document: Document, kept: bool) -> None:
    reason = filter_failure(step(text), document)
    assert (reason is None) is kept
    if reason:
        assert reason.startswith("filter ") and "actual" in reason


def test_an_invalid_path_is_reported_as_such() -> None:
    with pytest.raises(StepSyntaxError, match="not a valid JMESPath"):
        step('"Rules[?" must be present')
    broken = Step("present", "assert", path="Rules[?")
    with pytest.raises(PathError, match="not a valid JMESPath"):
        failure(broken, BUCKET)


def test_age_of_a_timestamp_fails_when_older_than_allowed() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    keys = Document(
        "alice",
        {"ListAccessKeys": {"AccessKeyMetadata": [{"CreateDate": now - timedelta(days=10)}]}},
    )
    old = Document(
        "bob",
        {"ListAccessKeys": {"AccessKeyMetadata": [
            {"CreateDate": now - timedelta(days=10)},
            {"CreateDate": (now - timedelta(days=200)).isoformat()},
        ]}},
    )  # fmt: skip
    text = '"ListAccessKeys.AccessKeyMetadata[].CreateDate" must be at most 90 days old'
    assert outcome(text, keys) is None
    reason = outcome(text, old)
    assert reason is not None and "must be at most 90 days old" in reason
    assert outcome(text, Document("carol", {"ListAccessKeys": {"AccessKeyMetadata": []}})) is not None


def test_enrichment_parameters_joined_by_and_parse_into_paths_and_literals() -> None:
    parsed = step(
        'each resource is enriched by "ec2.DescribeInstanceAttribute" with "InstanceId" from "InstanceId"'
        ' and "Attribute" set to "disableApiTermination"'
    )
    assert parsed.params == (("InstanceId", "path", "InstanceId"), ("Attribute", "value", "disableApiTermination"))
