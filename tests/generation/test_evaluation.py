"""Benchmark scoring: the operations a feature calls and the fields it reads, from the operation's output root."""

from __future__ import annotations

import pytest

from bot.generation.evaluation import expected_hits, feature_facts, field_hit, map_fields, normalise_path

HEAD = "@control:x @service:svc\nFeature: x\n\n"


def feature(background: list[str], steps: list[str]) -> str:
    lines = [HEAD + "  Background:"]
    lines += [f"    {'Given' if i == 0 else 'And'} {step}" for i, step in enumerate(background)]
    lines += ["", "  Scenario: it holds"]
    lines += [f"    {'Then' if i == 0 else 'And'} {step}" for i, step in enumerate(steps)]
    return "\n".join(lines) + "\n"


S3 = feature(
    [
        'the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"',
        'each resource is enriched by "s3.GetBucketEncryption" with "Bucket" from "Name"',
        'the error "NoSuchThing" from "s3.HeadBucket" means absent',
    ],
    ['"GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[*].ApplyServerSideEncryptionByDefault'
     '.SSEAlgorithm" must be "aws:kms"'],
)  # fmt: skip
GROUPS = feature(
    ['the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"'],
    [
        'only resources where "IpPermissions[].IpRanges[0].CidrIp" is "0.0.0.0/0"',
        '"IpPermissions[*].FromPort" must not be 22',
        'the expression "length(IpPermissions[].Ipv6Ranges[].CidrIpv6) == `0`" must be true',
    ],
)
ACCOUNT = feature(
    ['the account setting read by "ec2.GetEbsEncryptionByDefault"'],
    ['"GetEbsEncryptionByDefault.EbsEncryptionByDefault" must be true'],
)
NAMES = feature(
    ['the resources listed by "sqs.ListQueues" at "QueueUrls" identified by "@"'],
    ['"@" must match "^https://"'],
)


def test_enrichment_paths_are_keyed_by_the_operation_and_absent_errors_call_nothing() -> None:
    facts = feature_facts(S3)
    assert facts.operations == {"ListBuckets", "GetBucketEncryption"}
    assert facts.fields == {
        "GetBucketEncryption:ServerSideEncryptionConfiguration.Rules.ApplyServerSideEncryptionByDefault.SSEAlgorithm"
    }


def test_list_item_paths_are_prefixed_with_the_items_path_markers_dropped() -> None:
    facts = feature_facts(GROUPS)
    assert facts.operations == {"DescribeSecurityGroups"}
    assert facts.fields == {
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.IpRanges.CidrIp",
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.FromPort",
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.Ipv6Ranges.CidrIpv6",
    }


def test_an_account_setting_is_read_under_its_operation() -> None:
    facts = feature_facts(ACCOUNT)
    assert facts.operations == {"GetEbsEncryptionByDefault"}
    assert facts.fields == {"GetEbsEncryptionByDefault:EbsEncryptionByDefault"}


def test_the_item_itself_is_no_field() -> None:
    facts = feature_facts(NAMES)
    assert facts.operations == {"ListQueues"} and facts.fields == frozenset()


def test_text_that_is_not_gherkin_has_no_facts() -> None:
    facts = feature_facts("this is not a feature")
    assert facts.operations == frozenset() and facts.fields == frozenset()


@pytest.mark.parametrize("path", ["Rules[].X", "Rules[0].X", "Rules[*].X", "Rules.X", "Rules.*.X", "*.Rules.X"])
def test_list_and_wildcard_markers_compare_equal(path: str) -> None:
    assert normalise_path(path) == "Rules.X"


def test_expected_hits_are_the_primary_operation_and_field_plus_alternatives() -> None:
    entry = {
        "expected_operations": ["DescribeSecurityGroups", "DescribeVpcs"],
        "expected_fields": ["SecurityGroups[].IpPermissions[].FromPort", "Vpcs[].VpcId"],
        "alternatives": ["DescribeSecurityGroupRules:SecurityGroupRules[].FromPort"],
    }
    ops, fields = expected_hits(entry)
    assert ops == {"DescribeSecurityGroups", "DescribeSecurityGroupRules"}
    assert fields == {
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.FromPort",
        "DescribeSecurityGroupRules:SecurityGroupRules.FromPort",
    }
    assert fields & feature_facts(GROUPS).fields == {"DescribeSecurityGroups:SecurityGroups.IpPermissions.FromPort"}


def test_an_entry_without_expectations_expects_nothing() -> None:
    assert expected_hits({"id": "x"}) == (set(), set())


def test_a_map_field_is_hit_through_one_of_its_keys_and_only_a_map() -> None:
    entry = {
        "service": "sns",
        "expected_operations": ["GetTopicAttributes"],
        "expected_fields": ["Attributes"],
    }
    _ops, fields = expected_hits(entry)
    maps = map_fields(entry)
    assert maps == {"GetTopicAttributes:Attributes"}
    assert field_hit({"GetTopicAttributes:Attributes.KmsMasterKeyId"}, fields, maps)
    assert not field_hit({"GetTopicAttributes:AttributesX"}, fields, maps)
    plain = {"service": "rds", "expected_operations": ["DescribeDBInstances"],
             "expected_fields": ["DBInstances[].StorageEncrypted"]}  # fmt: skip
    assert map_fields(plain) == set()
    assert not field_hit({"DescribeDBInstances:DBInstances.StorageEncrypted.X"}, expected_hits(plain)[1], set())


def test_a_key_value_filter_reads_the_key_and_the_value_and_a_quoted_map_key_reads_the_key() -> None:
    text = feature(
        [
            'the resources listed by "elbv2.DescribeLoadBalancers" at "LoadBalancers" identified by "LoadBalancerArn"',
            'each resource is enriched by "elbv2.DescribeLoadBalancerAttributes" with "LoadBalancerArn" from '
            '"LoadBalancerArn"',
            'each resource is enriched by "sns.GetTopicAttributes" with "TopicArn" from "LoadBalancerArn"',
        ],
        [
            "\"DescribeLoadBalancerAttributes.Attributes[?Key=='deletion_protection.enabled'].Value | [0]\" "
            'must be "true"',
            '"GetTopicAttributes.Attributes.\\"KmsMasterKeyId\\"" must not be empty',
        ],
    )
    facts = feature_facts(text)
    assert {
        "DescribeLoadBalancerAttributes:Attributes.Key",
        "DescribeLoadBalancerAttributes:Attributes.Value",
        "GetTopicAttributes:Attributes.KmsMasterKeyId",
    } <= facts.fields


def test_fields_inside_a_filter_count_under_the_list_they_filter() -> None:
    rule = "(FromPort <= `22` && ToPort >= `22`) && contains(IpRanges[].CidrIp, '0.0.0.0/0')"
    text = feature(
        ['the resources listed by "ec2.DescribeSecurityGroups" at "SecurityGroups" identified by "GroupId"'],
        [f'the expression "length((IpPermissions || `[]`)[?{rule}]) == `0`" must be true'],
    )
    assert feature_facts(text).fields == {
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.FromPort",
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.ToPort",
        "DescribeSecurityGroups:SecurityGroups.IpPermissions.IpRanges.CidrIp",
    }
