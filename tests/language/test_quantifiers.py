"""Assertions over the elements of a projection: plain (every, and at least one), each-if-any, at-least-one."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.language.assertions import Document, PathError, failure
from bot.language.grammar import STEP_FORMS, Step, parse_step
from bot.language.values import StepSyntaxError

RULES = "Rules[].Status"


def rules(*statuses: str | None) -> Document:
    """A resource whose Rules carry these statuses; None is a rule without a Status."""
    return Document({"Rules": [{} if s is None else {"Status": s} for s in statuses]})


def step(text: str) -> Step:
    parsed = parse_step(text)
    assert parsed is not None, text
    return parsed


def verdicts(assertion: str, document: Document) -> dict[str, bool]:
    """Whether the plain, each-if-any and at-least-one forms of `"Rules[].Status" <assertion>` hold."""
    forms = {
        "plain": f'"{RULES}" {assertion}',
        "each": f'each element of "{RULES}", if any, {assertion}',
        "some": f'at least one element of "{RULES}" {assertion}',
    }
    return {name: failure(step(text), document) is None for name, text in forms.items()}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (rules("on", "on"), {"plain": True, "each": True, "some": True}),
        (rules("on", "off"), {"plain": False, "each": False, "some": True}),
        (rules("off", "off"), {"plain": False, "each": False, "some": False}),
        (rules(), {"plain": False, "each": True, "some": False}),
        (Document({}), {"plain": False, "each": True, "some": False}),
        (Document({"Rules": None}), {"plain": False, "each": True, "some": False}),
        (rules("on", None), {"plain": False, "each": False, "some": True}),
    ],
    ids=["all hold", "mixed", "none hold", "empty list", "missing list", "null list", "an element lacks the value"],
)
def test_the_three_quantifiers_on_empty_missing_and_mixed_lists(document: Document, expected: dict[str, bool]) -> None:
    assert verdicts('must be "on"', document) == expected


ELEMENTS: list[tuple[str, Any, Any]] = [  # (assertion, an element that holds, one that does not)
    ('must be "on"', "on", "off"),
    ('must not be "off"', "on", "off"),
    ('must be one of ["on", "auto"]', "auto", "off"),
    ('must not be one of ["off"]', "on", "off"),
    ("must be at least 90", 365, 30),
    ("must be at most 90", 30, 365),
    ('must match "^arn:aws:kms:"', "arn:aws:kms:us-east-1:1:key/k", "alias/aws/s3"),
    ('must contain "s3:GetObject"', ["s3:GetObject"], ["s3:*"]),
    ('must not contain "*"', ["s3:GetObject"], ["*"]),
    ("must not be empty", ["x"], []),
    ("must be present", "x", None),
    ("must be absent", None, "x"),
    ("must be at most 30 days old", "2999-01-01T00:00:00+00:00", "2001-01-01T00:00:00+00:00"),
]


@pytest.mark.parametrize(("assertion", "good", "bad"), ELEMENTS, ids=[a for a, _, _ in ELEMENTS])
def test_every_predicate_reads_with_both_quantifiers(assertion: str, good: Any, bad: Any) -> None:
    def document(*values: Any) -> Document:
        return Document({"Items": [{} if v is None else {"V": v} for v in values]})

    each = step(f'each element of "Items[].V", if any, {assertion}')
    some = step(f'at least one element of "Items[].V" {assertion}')
    assert (failure(each, document(good, good)), failure(some, document(good, bad))) == (None, None)
    assert failure(each, document(good, bad)) is not None
    assert failure(some, document(bad, bad)) is not None
    assert failure(each, document()) is None
    assert failure(some, document()) is not None


def test_a_failure_says_which_quantifier_and_shows_the_elements() -> None:
    each = failure(step(f'each element of "{RULES}", if any, must be "on"'), rules("on", "off"))
    some = failure(step(f'at least one element of "{RULES}" must be "on"'), rules())
    assert each == f'each element of "{RULES}", if any, must be "on": actual ["on", "off"]'
    assert some == f'at least one element of "{RULES}" must be "on": actual [] (no element)'


def test_filter_projections_and_flattened_lists_are_quantified_too() -> None:
    document = Document(
        {
            "Attributes": [{"Key": "deletion_protection.enabled", "Value": "false"}, {"Key": "idle", "Value": "60"}],
            "IpPermissions": [{"IpRanges": [{"CidrIp": "10.0.0.0/8"}]}, {"IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
        }
    )
    attribute = "Attributes[?Key=='deletion_protection.enabled'].Value"
    assert failure(step(f'at least one element of "{attribute}" must be "true"'), document) is not None
    assert failure(step(f'each element of "{attribute}", if any, must be "false"'), document) is None
    cidrs = "IpPermissions[].IpRanges[].CidrIp"
    assert failure(step(f'each element of "{cidrs}", if any, must not be "0.0.0.0/0"'), document) is not None
    assert failure(step(f'at least one element of "{cidrs}" must be "10.0.0.0/8"'), document) is None


def test_a_quantifier_on_a_single_value_is_an_error_at_run_time_never_a_pass() -> None:
    with pytest.raises(PathError, match="is not a projection"):
        failure(step('each element of "Status", if any, must be "on"'), Document({"Status": "on"}))


ASSERTION_FORMS = [form for form in STEP_FORMS if form.startswith('"<path>" must')]
ARGUMENTS = {"<json list>": '["a", 1]', "<json>": '"a"', "<n>": "7", '"<regex>"': '"^a"'}


@pytest.mark.parametrize("form", ASSERTION_FORMS)
@pytest.mark.parametrize(
    ("prefix", "quantifier"), [('each element of "{p}", if any,', "each"), ('at least one element of "{p}"', "some")]
)
def test_each_assertion_form_reads_the_same_with_a_quantifier(form: str, prefix: str, quantifier: str) -> None:
    text = form
    for placeholder, argument in ARGUMENTS.items():
        text = text.replace(placeholder, argument)
    path = 'Rules[?Name==\\"x\\"].Status'
    plain = step(text.replace('"<path>"', f'"{path}"'))
    quantified = step(text.replace('"<path>"', prefix.format(p=path)))
    assert quantified.quantifier == quantifier
    assert (quantified.kind, quantified.path, quantified.value) == (plain.kind, plain.path, plain.value)
    assert plain.quantifier == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('each element of "Rules[].Status", if any, must equal "on"', "is not an assertion"),
        ('at least one element of "Rules[].Status" must be one of []', "non-empty JSON list"),
        ('at least one element of "Rules[].Status" must be on', "is not a JSON literal"),
    ],
)
def test_a_malformed_quantified_assertion_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(StepSyntaxError, match=message):
        parse_step(text)


def test_a_quantifier_needs_its_whole_phrase() -> None:
    assert parse_step('each element of "Rules[].Status" must be "on"') is None  # without ", if any,": not a step


@pytest.mark.fuzz
@given(st.lists(st.sampled_from(["on", "off", None]), max_size=6), st.sampled_from(["on", "off"]))
def test_the_quantifiers_are_all_any_and_all_with_one_on_any_list(statuses: list[str | None], wanted: str) -> None:
    holds = [status == wanted for status in statuses]
    assert verdicts(f'must be "{wanted}"', rules(*statuses)) == {
        "plain": all(holds) and bool(holds),
        "each": all(holds),
        "some": any(holds),
    }
