"""What the language refuses, decided before anything runs: regexes that backtrack for ever, fault codes."""

from __future__ import annotations

import pytest

from bot.language.grammar import parse_step
from bot.language.values import StepSyntaxError


@pytest.mark.parametrize(
    "pattern",
    [r"^(\\d{1,3}\\.){3}\\d{1,3}$", r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", r"(?:a|b)+", r"^[a-z]{3,63}$"],
)
def test_bounded_and_flat_regexes_are_accepted(pattern: str) -> None:
    step = parse_step(f'"Name" must match "{pattern}"')
    assert step is not None and step.kind == "matches"


@pytest.mark.parametrize("pattern", [r"(a+)+", r"(a{1,50})*", r"^([a-z0-9]+-?)+$", r"((a{2}){30}){200}", r"(a|b*)*"])
def test_nested_quantifiers_are_refused(pattern: str) -> None:
    with pytest.raises(StepSyntaxError, match="nests a quantifier inside a quantifier"):
        parse_step(f'"Name" must match "{pattern}"')


@pytest.mark.parametrize("code", ["NoSuchBucket", "ResourceNotFoundException", "PolicyNotFound", "NoSuchEntity"])
def test_not_found_codes_may_mean_absent(code: str) -> None:
    step = parse_step(f'the error "{code}" from "s3.GetBucketPolicy" means absent')
    assert step is not None and step.error_code == code
