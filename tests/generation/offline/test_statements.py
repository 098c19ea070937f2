"""A check's description ("This control checks whether …; the control fails if …") read as what must hold."""

from __future__ import annotations

import pytest

from bot.generation.offline.planner import plan_control
from bot.generation.offline.statements import as_demand


@pytest.mark.parametrize(
    ("title", "described", "demand"),
    [
        (
            "",
            "This control checks whether a bucket has versioning enabled. The control fails if versioning is suspended.",
            "versioning must not be suspended.",
        ),
        (
            "",
            "This control checks whether a function is public. The control fails if a function doesn't use IAM auth.",
            "a function must use IAM auth.",
        ),
        (
            "",
            "This control checks whether point-in-time recovery is enabled for a DynamoDB table.",
            "point-in-time recovery must be enabled for a DynamoDB table.",
        ),
        (
            "Clusters should not be public",
            "The control checks whether a cluster is public. The control passes if the cluster isn't public.",
            "Clusters should not be public. the cluster must not be public.",
        ),
        (
            "",
            "This control checks whether a file system is encrypted. The control fails in the following cases:\n\n"
            "* `Encrypted` is set to `false`.\n* The key isn't a customer managed key.",
            "`Encrypted` must not be set to `false`. The key must be a customer managed key.",
        ),
    ],
)
def test_a_described_check_is_read_as_a_demand(title: str, described: str, demand: str) -> None:
    assert as_demand(title, described) == demand


def test_a_plain_requirement_is_read_as_written() -> None:
    text = "Every bucket must have versioning enabled. Suspended versioning does not comply."
    assert as_demand("Versioning is on", text) == text


def test_the_field_a_description_checks_takes_the_polarity_of_the_verdict_not_of_the_check() -> None:
    title = "RDS DB instances should prohibit public access"
    described = (
        "This control checks whether Amazon RDS instances are publicly accessible. "
        "The control fails if an instance is publicly accessible."
    )
    demand = as_demand(title, described)
    plan = plan_control("rds", f"{title}\nRDS DB instance\n{described}", None, demand, "RDS DB instance")
    assert plan.assertions == ['"PubliclyAccessible" must be false']


def test_a_tag_key_is_never_the_key_a_requirement_speaks_of() -> None:
    requirement = "Topics must be encrypted at rest with a KMS key."
    plan = plan_control("sns", f"SNS topic\n{requirement}", None, requirement, "SNS topic")
    assert not any("Tag" in step for step in [*plan.setup, *plan.assertions])
    assert plan.assertions == ['"GetTopicAttributes.Attributes.\\"KmsMasterKeyId\\"" must not be empty']


def test_this_control_fails_if_is_a_verdict_too() -> None:
    said = as_demand("", "This control fails if a Kinesis stream is not encrypted at rest.")
    assert said == "a Kinesis stream must be encrypted at rest."
