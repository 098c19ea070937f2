"""Retrieval: requests written for these tests (none from the benchmark) find the calls and fields a control needs."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.knowledge.retrieval import Retrieval, request_query, retrieve
from bot.knowledge.vocabulary import TokenIds, category_tokens, query_weights, synonyms, tokenize


def _ops(found: Retrieval) -> list[str]:
    return [o.name for o in found.operations]


def _fields(found: Retrieval) -> list[str]:
    return [f"{f.operation}:{f.path}" for f in found.fields]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSEAlgorithm", ("sse", "algorithm")),
        ("KmsMasterKeyId", ("kms", "master", "key", "id")),
        ("bucket_policy-status", ("bucket", "policy", "status")),
        ("encrypted encryption encrypt", ("encrypt", "encrypt", "encrypt")),
        ("logging logs", ("log", "log")),
        ("CidrIpv6 IPv4 ACLs", ("cidr", "ipv6", "ip", "acl")),
        ("The bucket must be PubliclyAccessible", ("bucket", "public", "access")),
    ],
)
def test_names_and_prose_share_one_tokeniser(text: str, expected: tuple[str, ...]) -> None:
    assert tokenize(text) == expected


def test_the_index_reads_the_same_words_as_queries() -> None:
    texts = [
        "KmsMasterKeyId",
        "The ID (arn:aws:kms) of the TLSv1.2 key; see IPv6CidrBlock, ACLs, SSEAlgorithm and DBInstances.",
        "deletion_protection.enabled",
        "The ID (arn:aws:kms) again",
        "",
    ]
    words = TokenIds()
    for text in texts:
        found = words.ids(text)
        spelled = {token_id: token for token, token_id in words.vocab.items()}
        assert [spelled[i] for i in found] == list(tokenize(text)), text
    assert words.ids(texts[1]) is words.ids(texts[1])  # each text is read once


def test_phrases_bring_their_synonyms_and_categories_their_vocabulary() -> None:
    assert "mfa" in synonyms(tokenize("users need a second factor at sign-in"))
    assert synonyms(tokenize("nothing related here")) == ()
    assert {"encrypt", "kms", "sse"} <= set(category_tokens("encryption-at-rest"))
    assert category_tokens("other") == category_tokens(None) == ()


def test_request_words_outweigh_synonyms_and_category_words_and_the_service_name_weighs_nothing() -> None:
    weights = query_weights("SageMaker domains must not be reachable from the internet", "network", ignore="sagemaker")
    assert not {"sagemak", "sagemaker", "sage", "maker"} & set(weights)
    assert weights["domain"] == 1.0 and weights["internet"] == 1.0
    assert 0 < weights["vpc"] < weights["public"] < 1.0  # category word < synonym of "reachable" < request word


def test_block_public_access_finds_the_public_access_block() -> None:
    found = retrieve("s3", "S3 bucket\nS3 buckets must block public access", "public-access")
    assert _ops(found)[0] == "GetPublicAccessBlock"
    assert "GetPublicAccessBlock:PublicAccessBlockConfiguration.BlockPublicAcls" in _fields(found)


def test_encrypted_database_instances_find_the_storage_flag() -> None:
    found = retrieve("rds", "RDS DB instance\nRDS instances must be encrypted", "encryption-at-rest")
    assert _ops(found)[0] == "DescribeDBInstances"
    assert "DescribeDBInstances:DBInstances[].StorageEncrypted" in _fields(found)


def test_key_rotation_finds_the_rotation_status() -> None:
    found = retrieve("kms", "KMS key\nCustomer managed keys must be rotated every year", "key-rotation")
    assert _ops(found)[0] == "GetKeyRotationStatus"
    assert _fields(found)[0] == "GetKeyRotationStatus:KeyRotationEnabled"


def test_a_requirement_worded_unlike_the_api_still_lands() -> None:
    text = "Aurora cluster\nGraph databases must only let people in who prove who they are through IAM."
    found = retrieve("neptune", text, "authentication")
    assert "DescribeDBClusters" in _ops(found)
    assert "DescribeDBClusters:DBClusters[].IAMDatabaseAuthenticationEnabled" in _fields(found)


def test_the_category_biases_which_property_ranks_first() -> None:
    text = "RDS DB cluster\nProduction clusters need a safeguard."
    guarded = retrieve("rds", text, "deletion-protection", k=3)
    encrypted = retrieve("rds", text, "encryption-at-rest", k=3)
    assert guarded.fields[0].path == "DBClusters[].DeletionProtection"
    assert not any("DeletionProtection" in f.path for f in encrypted.fields[:2])
    assert any("Kms" in f.path or "Encrypt" in f.path for f in encrypted.fields)


def test_every_resource_lifts_the_paginated_listing() -> None:
    plain = retrieve("s3", "S3 bucket\nBuckets must have versioning enabled", "versioning", k=20)
    every = retrieve("s3", "S3 bucket\nEvery bucket must have versioning enabled", "versioning", k=20)
    assert _ops(every).index("ListBuckets") < _ops(plain).index("ListBuckets")
    assert _ops(every)[0] == _ops(plain)[0] == "GetBucketVersioning"


def test_deprecated_operations_rank_below_their_replacement() -> None:
    found = retrieve("s3", "S3 bucket\nBucket lifecycle rules must expire old objects", "other", k=20)
    ops = _ops(found)
    assert ops.index("GetBucketLifecycleConfiguration") < ops.index("GetBucketLifecycle")


def test_k_bounds_both_lists_and_scores_are_ranked() -> None:
    found = retrieve("ec2", "EBS volume\nVolumes must be encrypted", "encryption-at-rest", k=4)
    assert len(found.operations) == len(found.fields) == 4
    assert [o.score for o in found.operations] == sorted((o.score for o in found.operations), reverse=True)
    assert [f.score for f in found.fields] == sorted((f.score for f in found.fields), reverse=True)
    out = found.to_json()
    assert set(out) == {"service", "operations", "fields"} and out["service"] == "ec2"
    assert set(out["operations"][0]) == {"name", "score"}
    assert set(out["fields"][0]) == {"operation", "path", "score"}


def test_render_shows_calls_with_required_params_and_typed_fields() -> None:
    text = "S3 bucket\nBuckets must encrypt new objects by default with a KMS key"
    rendered = retrieve("s3", text, "encryption-at-rest").render_boto3()
    lines = rendered.splitlines()
    assert lines[0] == 'client = boto3.client("s3")'
    assert lines[1].startswith("client.get_bucket_encryption(Bucket=str)  # Returns the default encryption")
    algorithm = next(
        line for line in lines if line.endswith("# Server-side encryption algorithm to use for the default encryption.")
    )
    assert algorithm.startswith(
        "  -> ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm: "
        "string, one of AES256"
    )
    assert "aws:kms" in algorithm and len(rendered) <= 6000


def test_render_cuts_the_lowest_ranked_lines_first() -> None:
    found = retrieve("ec2", "EC2 instance\nInstances must require IMDSv2 tokens", "authentication")
    full = found.render_boto3()
    short = found.render_boto3(max_chars=500)
    assert len(short) <= 500 < len(full)
    assert short.splitlines()[:2] == full.splitlines()[:2]
    last_op = next(line for line in reversed(full.splitlines()) if line.startswith("client."))
    assert last_op not in short


def test_a_field_outside_the_top_operations_brings_its_call_along() -> None:
    found = retrieve(
        "s3", "S3 bucket\nBuckets must encrypt new objects by default with a KMS key", "encryption-at-rest", k=2
    )
    rendered = found.render_boto3()
    for field in found.fields:
        assert field.path in rendered
    calls = [line for line in rendered.splitlines() if line.startswith("client.")]
    assert len(calls) >= len({f.operation for f in found.fields})


@dataclass
class _Request:
    title: str | None
    resource: str
    requirement: str
    notes: str | None


def test_request_query_joins_the_words_of_a_request() -> None:
    request = _Request("Title here", "S3 bucket", "Must be private.", None)
    assert request_query(request) == "Title here\nS3 bucket\nMust be private."
    request = _Request(None, "S3 bucket", "Must be private.", "  see ticket  ")
    assert request_query(request) == "S3 bucket\nMust be private.\nsee ticket"


def test_one_field_repeated_under_many_calls_does_not_fill_the_list() -> None:
    text = "AWS Config recorder\nRecorders must capture every change continuously, not daily."
    found = retrieve("config", text, "monitoring")
    leaves = [f.path.rpartition(".")[2] for f in found.fields]
    assert "recordingFrequency" in leaves
    assert max(leaves.count(leaf) for leaf in leaves) <= 3
    assert len(found.fields) == 10


def test_a_service_without_read_operations_retrieves_nothing() -> None:
    found = retrieve("eks-auth", "Tokens must be short-lived", "authentication")
    assert found.operations == () and found.fields == ()
    assert found.render_boto3() == 'client = boto3.client("eks-auth")\n'


def test_render_shows_how_to_list_and_feed_a_per_resource_call_even_when_only_get_calls_rank() -> None:
    found = retrieve(
        "s3", "S3 bucket\nBuckets must encrypt new objects by default with a KMS key", "encryption-at-rest"
    )
    assert not any(op.name == "ListBuckets" for op in found.operations[:3])
    lines = found.render_boto3().splitlines()
    call = lines.index(next(line for line in lines if line.startswith("client.get_bucket_encryption(")))
    assert lines[call + 1] == (
        '  per resource: list "s3.ListBuckets" at "Buckets" identified by "Name", "BucketArn"; '
        'enrich with "Bucket" from "Name"'
    )
    assert lines[call + 2].startswith("  not configured: error ServerSideEncryptionConfigurationNotFoundError")


def test_render_gives_athena_its_listing_and_identifier() -> None:
    found = retrieve("athena", "Athena workgroup\nWorkgroups must encrypt query results with KMS", "encryption-at-rest")
    rendered = found.render_boto3()
    assert (
        '  per resource: list "athena.ListWorkGroups" at "WorkGroups" identified by "Name"; '
        'enrich with "WorkGroup" from "Name"'
    ) in rendered.splitlines()


def test_render_lists_the_documented_keys_of_an_attribute_map() -> None:
    found = retrieve("sqs", "SQS queue\nQueues must be encrypted with a KMS key", "encryption-at-rest")
    lines = found.render_boto3().splitlines()
    attributes = lines.index(next(line for line in lines if line.startswith("  -> Attributes: map")))
    assert lines[attributes + 1].startswith("     keys: ") and "KmsMasterKeyId" in lines[attributes + 1]
    assert (
        '  per resource: list "sqs.ListQueues" at "QueueUrls" identified by "@"; enrich with "QueueUrl" from "@"'
        in ("\n".join(lines))
    )


def test_render_names_a_required_constant_and_its_values() -> None:
    rendered = retrieve("wafv2", "WAF web ACL\nWeb ACLs must log requests", "logging").render_boto3()
    assert 'requires Scope one of CLOUDFRONT | REGIONAL (write: with "Scope" set to "REGIONAL")' in rendered


def test_render_lists_the_documented_keys_of_a_key_value_list_under_a_call_shown_without_fields() -> None:
    found = retrieve("elbv2", "Load balancer\nDeletion protection must be enabled", "deletion-protection")
    lines = found.render_boto3().splitlines()
    call = next(i for i, line in enumerate(lines) if line.startswith("client.describe_load_balancer_attributes("))
    keys = next(line for line in lines[call + 1 :] if line.startswith('  keys of "Attributes[].Key": '))
    assert "deletion_protection.enabled" in keys and "access_logs.s3.enabled" in keys


def test_render_with_the_model_lines_still_fits_max_chars() -> None:
    found = retrieve("elbv2", "Load balancer\nDeletion protection must be enabled", "deletion-protection")
    for limit in (400, 1200, 3000):
        assert len(found.render_boto3(max_chars=limit)) <= limit
