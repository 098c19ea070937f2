"""Property-based fuzzing of the step grammar, the checker and assertion evaluation: only our own errors escape."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.language.assertions import Document, EvaluationError, PathError, failure, filter_failure
from bot.language.checker import check_feature
from bot.language.grammar import STEP_FORMS, Step, parse_step
from bot.language.problems import Problem
from bot.language.values import StepSyntaxError

pytestmark = pytest.mark.fuzz

NAMES = st.sampled_from(["Name", "Buckets", "Rules", "Status", "Tags", "@", "a", "b", "Key", "Value", "Count"])
FUNCTIONS = st.sampled_from(["length", "max", "min", "sort", "contains", "nosuch", "to_number", "keys", "sum", "abs"])


@st.composite
def paths(draw: st.DrawFn, depth: int = 0) -> str:
    """JMESPath-like text: mostly well-formed (fields, projections, filters, calls, comparisons), sometimes not."""
    if depth > 3 or draw(st.booleans()):
        return draw(NAMES)
    inner = draw(paths(depth + 1))
    forms = [
        f"{inner}.{draw(NAMES)}",
        f"{inner}[]",
        f"{inner}[*].{draw(NAMES)}",
        f"{inner}[?{draw(NAMES)} == `{draw(LITERALS)}`]",
        f"{draw(FUNCTIONS)}({inner})",
        f"{draw(FUNCTIONS)}({inner}, {draw(NAMES)})",
        f"{inner} {draw(st.sampled_from(['<', '>', '==', '!=', '&&', '||', '|']))} `{draw(LITERALS)}`",
        f"{inner}[{draw(st.integers(-3, 3))}]",
        f"({inner}",
        draw(st.text(min_size=1, max_size=12)),
    ]
    return draw(st.sampled_from(forms))


LITERALS = st.sampled_from(
    ['"ENABLED"', "true", "false", "null", "0", "-1", "1.5", "[]", '["a", 1]', "{}", "NaN", "1e400", "9" * 4400, "x"]
)
VERBS = st.sampled_from(
    [
        "must be", "must not be", "must be one of", "must not be one of", "must be at least", "must be at most",
        "must contain", "must not contain", "must match", "must equal", "must be at most {n} days old",
    ]
)  # fmt: skip
REGEXES = st.sampled_from(["^a+$", "(a+)+", "a{4294967296}", "[", "(a|aa)+", "x{2,1000}", "\\d{12}", ".*"])


@st.composite
def step_texts(draw: st.DrawFn) -> str:
    """A step line: a recognisable step form with drawn arguments, an assertion, or arbitrary text."""
    path = draw(paths()).replace('"', '\\"')
    verb = draw(VERBS).replace("{n}", str(draw(st.integers(-5, 10**6))))
    argument = f'"{draw(REGEXES)}"' if verb == "must match" else ("" if "days old" in verb else draw(LITERALS))
    choices = [
        f'"{path}" {verb} {argument}'.rstrip(),
        f'each element of "{path}", if any, {verb} {argument}'.rstrip(),
        f'at least one element of "{path}" {verb} {argument}'.rstrip(),
        f'the resources listed by "wafv2.ListWebACLs" at "WebACLs" identified by "ARN" with "Scope" set to {draw(LITERALS)}',
        f'the expression "{path}" must be true',
        f'only resources where "{path}" is {draw(LITERALS)}',
        f'the resources listed by "s3.ListBuckets" at "{path}" identified by "{draw(paths())}"',
        f'each resource is enriched by "s3.GetBucketTagging" with "Bucket" from "{path}"',
        f'each resource is enriched by "s3.GetBucketTagging" with "Bucket" set to {draw(LITERALS)}',
        f'the error "{draw(st.text(max_size=20))}" from "s3.GetBucketTagging" means absent',
        f"manual: {draw(st.text(max_size=30))}",
        draw(st.sampled_from(STEP_FORMS)),
        draw(st.text(max_size=80)),
    ]
    return draw(st.sampled_from(choices))


@given(step_texts())
def test_parse_step_returns_a_step_or_nothing_or_raises_only_a_step_syntax_error(text: str) -> None:
    try:
        step = parse_step(text)
    except StepSyntaxError as error:
        assert str(error)
        return
    assert step is None or isinstance(step, Step)
    if step is not None and isinstance(step.value, float):
        assert math.isfinite(step.value)


FEATURE_HEAD = """\
@control:fuzzed @service:s3 @severity:low @category:other
Feature: fuzzed
  Scenario: fuzzed
    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"
"""


@given(st.lists(step_texts(), max_size=4), st.sampled_from(["Then", "And", "When", "*", "But", "Given"]))
def test_check_feature_reports_problems_and_never_raises(steps: list[str], keyword: str) -> None:
    body = "".join(f"    {keyword} {line.splitlines()[0] if line.splitlines() else line}\n" for line in steps)
    problems = check_feature(FEATURE_HEAD + body, "fuzzed.feature")
    assert all(isinstance(p, Problem) and p.message for p in problems)


@given(st.text(max_size=300))
def test_check_feature_on_arbitrary_text_never_raises(text: str) -> None:
    assert all(isinstance(p, Problem) for p in check_feature(text, "arbitrary.feature"))


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.datetimes(timezones=st.just(UTC)).map(lambda d: d.astimezone(UTC))
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(NAMES, children, max_size=4),
    max_leaves=20,
)


@st.composite
def assertion_steps(draw: st.DrawFn) -> Step:
    step = None
    while step is None or step.phase == "setup":
        try:
            step = parse_step(draw(step_texts()))
        except StepSyntaxError:
            step = None
    return step


@given(assertion_steps(), st.dictionaries(NAMES, VALUES, max_size=5), VALUES)
def test_evaluating_an_assertion_or_filter_gives_a_verdict_or_one_of_our_errors(
    step: Step, responses: dict[str, Any], item: Any
) -> None:
    document = Document(item, responses)
    evaluate = filter_failure if step.phase == "filter" else failure
    try:
        reason = evaluate(step, document)
    except (EvaluationError, PathError) as error:
        assert str(error)
        return
    assert reason is None or (isinstance(reason, str) and reason)


def test_a_deep_value_is_an_evaluation_error_not_a_recursion_error() -> None:
    deep: Any = "leaf"
    for _ in range(5_000):
        deep = [deep]
    step = parse_step('"Nested" must be "leaf"')
    assert step is not None
    with pytest.raises(EvaluationError, match="nested too deeply"):
        failure(step, Document({"Nested": deep, "When": datetime.now(UTC)}))
