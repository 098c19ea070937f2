"""Which conditions a requirement asks for: asides, "whether or not", fields named verbatim, choices, later sentences."""

from __future__ import annotations

import pytest

from bot.generation.offline.planner import plan_control
from bot.generation.offline.reading import read
from bot.inputs.intake import load_request
from bot.knowledge.retrieval import request_query
from tests.paths import REPO


def _assertions(service: str, resource: str, requirement: str) -> list[str]:
    return plan_control(service, f"{resource}\n{requirement}", None, requirement, resource).assertions


@pytest.mark.parametrize(
    "requirement",
    [
        "EBS volumes have to be encrypted whether or not they are attached to an instance.",
        "Every EBS volume must be encrypted, whether it is attached to an instance or not.",
        "Every EBS volume must be encrypted, regardless of its attachment to an instance.",
    ],
)
def test_a_clause_saying_any_case_counts_adds_no_condition(requirement: str) -> None:
    assert _assertions("ec2", "EBS volume", requirement) == ['"Encrypted" must be true']


def test_an_aside_before_the_modal_verb_narrows_the_subject_and_asks_nothing() -> None:
    reading = read("Every DB cluster (Aurora or Multi-AZ) must have deletion protection turned on.")
    assert {"aurora", "multi"} <= reading.subject
    assert not {"aurora", "multi"} & reading.predicate


def test_a_field_named_as_the_api_spells_it_is_the_only_condition() -> None:
    requirement = (
        "No subnet may automatically assign public IPv4 addresses to interfaces launched in it "
        "(MapPublicIpOnLaunch must be false)."
    )
    assert _assertions("ec2", "EC2 subnet", requirement) == ['"MapPublicIpOnLaunch" must be false']


def test_the_same_setting_of_two_siblings_offered_as_a_choice_is_one_expression() -> None:
    request = load_request(REPO / "controls" / "acm-pca" / "acm-pca-ca-revocation-enabled.yaml")
    plan = plan_control(
        request.service, request_query(request), request.category, request.requirement, request.resource
    )
    (step,) = plan.assertions  # "a certificate revocation list or OCSP enabled"
    assert step.startswith("the expression ") and " || " in step
    assert "CrlConfiguration.Enabled == `true`" in step and "OcspConfiguration.Enabled == `true`" in step


@pytest.mark.parametrize("joint", [". They are", "; they are"])
def test_a_later_sentence_explaining_the_requirement_adds_no_condition(joint: str) -> None:
    requirement = f"Running instances must not have a public IPv4 address{joint} reached through a load balancer or over private connectivity."
    assert _assertions("ec2", "EC2 instance", requirement) == ['"PublicIpAddress" must be absent']
