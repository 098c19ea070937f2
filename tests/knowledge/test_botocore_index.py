"""The botocore index: read operations, parameters, output field paths and their docs, per service."""

from __future__ import annotations

import re

import pytest

from bot.inputs.errors import UsageError
from bot.knowledge.botocore_index import (
    MAX_DEPTH,
    boto3_call,
    describe_field,
    is_read_operation,
    load_index,
)


def _field(service: str, operation: str, path: str):  # type: ignore[no-untyped-def]
    found = [f for f in load_index(service).fields if f.operation == operation and f.path == path]
    assert found, f"{service} {operation} has no field {path}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GetBucketEncryption", True),
        ("DescribeDBInstances", True),
        ("ListBuckets", True),
        ("BatchGetItem", True),
        ("HeadBucket", True),
        ("PutBucketEncryption", False),
        ("DeleteBucket", False),
        ("CreateGetawayPlan", False),
        ("Getaway", False),
        ("Listen", False),
    ],
)
def test_read_operations_are_recognised_by_prefix_and_capital(name: str, expected: bool) -> None:
    assert is_read_operation(name) is expected


def test_only_read_operations_are_indexed() -> None:
    operations = load_index("s3").operations
    assert {"GetBucketEncryption", "ListBuckets", "HeadBucket"} <= set(operations)
    assert not {"PutBucketEncryption", "DeleteBucket", "CreateBucket"} & set(operations)


def test_required_parameters_are_marked() -> None:
    op = load_index("s3").operations["GetBucketEncryption"]
    params = {p.name: p for p in op.params}
    assert params["Bucket"].required and params["Bucket"].type_name == "string"
    assert not params["ExpectedBucketOwner"].required
    assert params["Bucket"].documentation.startswith("The name of the bucket")
    assert op.snake_name == "get_bucket_encryption"
    assert boto3_call(op) == "client.get_bucket_encryption(Bucket=str)"


def test_bucket_encryption_algorithm_path_carries_its_enum_and_first_sentence() -> None:
    path = "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm"
    field = _field("s3", "GetBucketEncryption", path)
    assert field.type_name == "string"
    assert {"AES256", "aws:kms", "aws:kms:dsse"} <= set(field.enum)
    assert field.documentation == "Server-side encryption algorithm to use for the default encryption."
    assert path in load_index("s3").operations["GetBucketEncryption"].output_paths
    assert describe_field(field).startswith("string, one of AES256")


def test_operation_documentation_is_one_sentence_without_html() -> None:
    doc = load_index("s3").operations["GetBucketEncryption"].documentation
    assert doc == "Returns the default encryption configuration for an Amazon S3 bucket."


def test_list_fields_are_listed_before_their_items() -> None:
    paths = load_index("ec2").operations["DescribeSecurityGroups"].output_paths
    assert "SecurityGroups" in paths
    assert "SecurityGroups[].IpPermissions[].IpRanges[].CidrIp" in paths


def test_list_of_enums_keeps_the_enum_of_its_items() -> None:
    field = _field("transfer", "DescribeServer", "Server.Protocols")
    assert field.type_name == "list"
    assert {"SFTP", "FTP", "FTPS"} <= set(field.enum)


def test_map_fields_use_star_and_carry_their_allowed_keys() -> None:
    attributes = _field("sqs", "GetQueueAttributes", "Attributes")
    assert attributes.type_name == "map"
    assert {"KmsMasterKeyId", "SqsManagedSseEnabled"} <= set(attributes.enum)
    assert describe_field(attributes).startswith("map, keys ")
    assert "ConsumedCapacity.GlobalSecondaryIndexes.*.ReadCapacityUnits" in {
        f.path for f in load_index("dynamodb").fields if f.operation == "GetItem"
    }


def test_recursive_shapes_are_walked_once_per_path_and_depth_is_bounded() -> None:
    # DynamoDB's AttributeValue holds maps and lists of AttributeValue.
    paths = [f.path for f in load_index("dynamodb").fields if f.operation == "GetItem"]
    assert "Item.*.M" in paths and "Item.*.L" in paths
    assert not any(p.startswith("Item.*.M.*.") for p in paths)
    every = [f.path for f in load_index("quicksight").fields]
    assert max(len(re.sub(r"\[\]|\.\*", "", p).split(".")) for p in every) <= MAX_DEPTH


def test_paginated_operations_are_flagged() -> None:
    operations = load_index("s3").operations
    assert operations["ListObjectsV2"].paginated
    assert not operations["GetBucketEncryption"].paginated


def test_deprecated_operations_are_flagged_from_the_model_or_their_docs() -> None:
    assert load_index("s3").operations["GetBucketLifecycle"].deprecated  # "deprecated": true in the model
    ec2 = load_index("ec2").operations
    assert ec2["DescribeClassicLinkInstances"].deprecated  # "This action is deprecated." in its docs
    assert not ec2["DescribeInstanceImageMetadata"].deprecated  # only mentions deprecated AMIs
    assert ec2["DescribeClassicLinkInstances"].documentation.startswith("Describes")


def test_index_is_built_once_per_process() -> None:
    assert load_index("kms") is load_index("kms")


def test_unknown_service_names_close_matches() -> None:
    with pytest.raises(UsageError, match=r"unknown service 'sqss'.*sqs"):
        load_index("sqss")
