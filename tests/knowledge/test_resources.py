"""The resource model against a table of real joins read from the API documentation, and its rules."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.knowledge.resources import Join, resource_model
from tests.paths import REPO

TABLE = yaml.safe_load((REPO / "tests" / "knowledge" / "joins_table.yaml").read_text())


def _expected(row: dict[str, Any]) -> tuple[Any, ...]:
    constants = row.get("constants")
    return (row["listing"], row["items"], row["params"], constants)


def _actual(join: Join | None, row: dict[str, Any]) -> tuple[Any, ...]:
    if join is None:
        return (None, None, None, None)
    constants = dict(join.constants) | dict(join.listing.default_constants())
    return (
        join.listing.operation,
        join.listing.items,
        dict(join.params),
        constants if "constants" in row else None,
    )


def test_the_table_is_wide_enough() -> None:
    assert len(TABLE) >= 60
    assert len({row["service"] for row in TABLE}) >= 40


def test_best_join_of_every_row_matches_the_table() -> None:
    mismatches = []
    for row in TABLE:
        join = resource_model(row["service"]).best_join(row["operation"])
        expected, actual = _expected(row), _actual(join, row)
        if expected != actual:
            mismatches.append(f"{row['service']}.{row['operation']}: expected {expected}, model {actual}")
    assert not mismatches, f"{len(mismatches)}/{len(TABLE)} rows differ:\n" + "\n".join(mismatches)


def test_a_call_is_fed_an_identifier_of_its_own_resource_not_of_another_listed_one() -> None:
    eks = resource_model("eks")
    joins = eks.joins("DescribeCluster")
    assert joins[0].listing.operation == "ListClusters"
    assert "ListAccessPolicies" not in [j.listing.operation for j in joins]  # access policies have names too
    assert eks.listing("ListAccessKeys") is None


def test_two_parameters_are_never_fed_from_one_listed_resource_nor_from_an_unrelated_listing() -> None:
    assert resource_model("kendra").joins("DescribeThesaurus") == ()  # a thesaurus of an index: two resources
    assert resource_model("eks").joins("DescribeAccessEntry") == ()
    assert all(
        j.listing.operation != "ListAccounts" for j in resource_model("organizations").joins("DescribeHandshake")
    )


def test_identifiers_of_a_listing_leave_out_other_resources_ids() -> None:
    rds = resource_model("rds").listing("DescribeDBInstances")
    assert rds is not None and rds.identifiers[0] == "DBInstanceIdentifier"
    assert "DBClusterIdentifier" not in rds.identifiers and "KmsKeyId" not in rds.identifiers
    keys = resource_model("iam").listing("ListAccessKeys")
    assert keys is not None and keys.identifiers == ("AccessKeyId",)


def test_wrapped_items_and_get_listings_are_listings() -> None:
    distributions = resource_model("cloudfront").listing("ListDistributions")
    assert distributions is not None and distributions.items == "DistributionList.Items"
    assert distributions.identifiers[0] == "Id"
    apis = resource_model("apigatewayv2").listing("GetApis")
    assert apis is not None and (apis.items, apis.identifiers[0]) == ("Items", "ApiId")
    instances = resource_model("ec2").listing("DescribeInstances")
    assert instances is not None and instances.items == "Reservations[].Instances[]"


def test_required_enum_inputs_are_constants_with_a_regional_default() -> None:
    acls = resource_model("wafv2").listing("ListWebACLs")
    assert acls is not None and dict(acls.constants) == {"Scope": ("CLOUDFRONT", "REGIONAL")}
    assert acls.default_constants() == (("Scope", "REGIONAL"),)


def test_child_listings_know_their_parent() -> None:
    stages = resource_model("apigateway").listing("GetStages")
    assert stages is not None and stages.parent is not None and not stages.parent_optional
    assert (stages.parent.listing.operation, stages.parent.params) == ("GetRestApis", (("restApiId", "id"),))
    nodegroups = resource_model("eks").listing("ListNodegroups")
    assert nodegroups is not None and nodegroups.parent is not None
    assert nodegroups.parent.params == (("clusterName", "@"),)
    listeners = resource_model("elbv2").listing("DescribeListeners")
    assert listeners is not None and listeners.parent is not None and listeners.parent_optional


def test_an_unknown_operation_is_a_path_error_naming_it() -> None:
    from bot.knowledge.shapes import PathError

    with pytest.raises(PathError, match=r"eks\.DescribeClutser"):
        resource_model("eks").joins("DescribeClutser")


def test_not_configured_errors_come_from_the_model_or_the_s3_table() -> None:
    from bot.knowledge.resources import not_configured_errors

    assert not_configured_errors("s3", "GetBucketEncryption") == ("ServerSideEncryptionConfigurationNotFoundError",)
    assert not_configured_errors("ecr", "GetLifecyclePolicy") == ("LifecyclePolicyNotFoundException",)
    assert not_configured_errors("ecr", "DescribeRepositories") == ()
    assert not_configured_errors("efs", "DescribeBackupPolicy") == ("PolicyNotFound",)
    assert not_configured_errors("eks", "DescribeCluster") == ()
    assert not_configured_errors("bedrock", "GetGuardrail") == ()  # the guardrail itself: not found is gone
    assert not_configured_errors("sqs", "GetQueueAttributes") == ()  # QueueDoesNotExist: gone, not unset


def test_documented_map_keys_are_read_from_enums_and_docs() -> None:
    from bot.knowledge.resources import map_keys

    assert "KmsMasterKeyId" in map_keys("sqs", "GetQueueAttributes", "Attributes")
    assert "KmsMasterKeyId" in map_keys("sns", "GetTopicAttributes", "Attributes")
    elb = map_keys("elbv2", "DescribeLoadBalancerAttributes", "Attributes[].Key")
    assert {"deletion_protection.enabled", "access_logs.s3.enabled"} <= set(elb)
    assert map_keys("elbv2", "DescribeLoadBalancerAttributes", "Attributes") == elb
    assert map_keys("s3", "GetBucketEncryption", "ServerSideEncryptionConfiguration") == ()
    groups = map_keys("elbv2", "DescribeTargetGroupAttributes", "Attributes[].Key")
    assert "stickiness.type" in groups and "lb_cookie" not in groups  # a documented value is not a key


@pytest.mark.parametrize("service", ["ec2", "s3", "wafv2", "apigateway", "eks", "iam"])
def test_every_listing_names_items_that_resolve_in_its_response(service: str) -> None:
    from bot.knowledge import shapes

    for listing in resource_model(service).listings:
        op = shapes.operation(service, listing.operation)
        resolved = shapes.resolve(shapes.output_root(op), listing.items)
        assert resolved.shape is not None, listing
        item = listing.item
        for ident in listing.identifiers:
            assert ident == "@" or (item is not None and ident in item.members), listing


def test_listings_that_also_show_other_accounts_resources_keep_the_accounts_own() -> None:
    from bot.knowledge.resources import resource_model

    snapshots = resource_model("ec2").listing("DescribeSnapshots")
    images = resource_model("ec2").listing("DescribeImages")
    assert snapshots is not None and snapshots.own == (("OwnerIds", ["self"]),)
    assert images is not None and images.own == (("Owners", ["self"]),)
    assert resource_model("ec2").listing("DescribeVolumes").own == ()  # type: ignore[union-attr]
