"""The control language: one table of step patterns, shared by the checker and the runner."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from bot.language import limits
from bot.language.params import QUOTED, Param, constant_list, param_list, table_params
from bot.language.values import (
    StepSyntaxError,
    day_count,
    guarded,
    json_list,
    json_literal,
    number,
    path_argument,
    regex_argument,
    unquote,
)

Phase = Literal["setup", "filter", "assert"]
Quantifier = Literal["", "each", "some"]  # plain, "each element of .., if any,", "at least one element of .."

_Q = QUOTED
_OP = r'"([a-z0-9-]+)\.([A-Za-z0-9]+)"'


@dataclass(frozen=True)
class Step:
    """One recognised step: its kind, phase and the arguments the pattern captured."""

    kind: str
    phase: Phase
    service: str = ""
    operation: str = ""
    path: str = ""
    params: tuple[Param, ...] = ()  # (name, "path" | "value", path or literal)
    value: Any = None
    error_code: str = ""
    items_path: str = ""
    id_path: str = ""
    quantifier: Quantifier = ""

    @property
    def op_ref(self) -> str:
        return f"{self.service}.{self.operation}"


Builder = Callable[[re.Match[str], list[list[str]] | None], Step]


def _listing(m: re.Match[str], _: list[list[str]] | None) -> Step:
    constants = constant_list(m[5]) if m[5] else ()
    return Step(
        "list", "setup", m[1], m[2], params=constants, items_path=path_argument(m[3]), id_path=path_argument(m[4])
    )


def _enrich_params(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("enrich", "setup", m[1], m[2], params=param_list(m[3]))


def _enrich_table(m: re.Match[str], table: list[list[str]] | None) -> Step:
    return Step("enrich", "setup", m[1], m[2], params=table_params(table))


def _enrich_bare(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("enrich", "setup", m[1], m[2])


def _account(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("account", "setup", m[1], m[2])


def _absent(m: re.Match[str], _: list[list[str]] | None) -> Step:
    code = unquote(m[1])
    guarded(limits.check_error_code, code)
    return Step("absent_error", "setup", m[2], m[3], error_code=code)


def _filter(kind: str, convert: Callable[[str], Any] | None = None) -> Builder:
    def build(m: re.Match[str], _: list[list[str]] | None) -> Step:
        value = convert(m[2]) if convert else None
        return Step(kind, "filter", path=path_argument(m[1]), value=value)

    return build


def _assert(kind: str, convert: Callable[[str], Any] | None = None) -> Builder:
    def build(m: re.Match[str], _: list[list[str]] | None) -> Step:
        value = convert(m[2]) if convert else None
        return Step(kind, "assert", path=path_argument(m[1]), value=value)

    return build


def _expression(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("expression", "assert", path=path_argument(m[1]))


def _manual(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("manual", "assert", value=m[1].strip())


def _quantified(quantifier: Quantifier) -> Builder:
    def build(m: re.Match[str], table: list[list[str]] | None) -> Step:
        assertion = f'"{m[1]}" {m[2]}'
        for pattern, build_assertion, _ in _ASSERTIONS:
            if (found := pattern.fullmatch(assertion)) is not None:
                return replace(build_assertion(found, table), quantifier=quantifier)
        raise StepSyntaxError(
            f'{m[2][:80]!r} is not an assertion: after the element phrase write one of the "must" forms '
            '(must be <json>, must not be <json>, must be one of [..], must be present, must match "<regex>", ...)'
        )

    return build


# Order matters: the first pattern that matches the whole step text wins.
_SETUP_AND_FILTERS: list[tuple[re.Pattern[str], Builder, str]] = [
    (
        re.compile(rf"the resources listed by {_OP} at {_Q} identified by {_Q}(?: with (\".+))?"),
        _listing,
        'the resources listed by "<svc>.<ListOp>" at "<items path>" identified by "<id path>" (then, for constants'
        ' the listing requires: with "<Param>" set to <json>, several joined by "and")',
    ),
    (
        re.compile(rf"each resource is enriched by {_OP} with (\".+)"),
        _enrich_params,
        'each resource is enriched by "<svc>.<Op>" with "<Param>" from "<path>" (or "<Param>" set to <json>;'
        ' several joined by "and")',
    ),
    (
        re.compile(rf"each resource is enriched by {_OP} with:"),
        _enrich_table,
        'each resource is enriched by "<svc>.<Op>" with: (then a table | Param | path or JSON |)',
    ),
    (
        re.compile(rf"each resource is enriched by {_OP}"),
        _enrich_bare,
        'each resource is enriched by "<svc>.<Op>"',
    ),
    (
        re.compile(rf"the account setting read by {_OP}"),
        _account,
        'the account setting read by "<svc>.<Op>"',
    ),
    (
        re.compile(rf"the error {_Q} from {_OP} means absent"),
        _absent,
        'the error "<Code>" from "<svc>.<Op>" means absent',
    ),
    (
        re.compile(rf"only resources where {_Q} is not (.+)"),
        _filter("where_not", json_literal),
        'only resources where "<path>" is not <json>',
    ),
    (
        re.compile(rf"only resources where {_Q} is one of (\[.*\])"),
        _filter("where_one_of", json_list),
        'only resources where "<path>" is one of <json list>',
    ),
    (
        re.compile(rf"only resources where {_Q} is (present)"),
        _filter("where_present"),
        'only resources where "<path>" is present',
    ),
    (
        re.compile(rf"only resources where {_Q} is (absent)"),
        _filter("where_absent"),
        'only resources where "<path>" is absent',
    ),
    (
        re.compile(rf"only resources where {_Q} is (.+)"),
        _filter("where_is", json_literal),
        'only resources where "<path>" is <json>',
    ),
]

# The assertions on one path; each also reads "each element of .., if any," and "at least one element of ..".
_ASSERTIONS: list[tuple[re.Pattern[str], Builder, str]] = [
    (re.compile(rf"{_Q} must be (present)"), _assert("present"), '"<path>" must be present'),
    (re.compile(rf"{_Q} must be (absent)"), _assert("absent"), '"<path>" must be absent'),
    (re.compile(rf"{_Q} must not be (empty)"), _assert("not_empty"), '"<path>" must not be empty'),
    (
        re.compile(rf"{_Q} must not be one of (\[.*\])"),
        _assert("not_one_of", json_list),
        '"<path>" must not be one of <json list>',
    ),
    (
        re.compile(rf"{_Q} must be one of (\[.*\])"),
        _assert("one_of", json_list),
        '"<path>" must be one of <json list>',
    ),
    (
        re.compile(rf"{_Q} must be at least (.+)"),
        _assert("at_least", number),
        '"<path>" must be at least <n>',
    ),
    (
        re.compile(rf"{_Q} must be at most (\d+) days old"),
        _assert("max_age_days", day_count),
        '"<path>" must be at most <n> days old',
    ),
    (re.compile(rf"{_Q} must be at most (.+)"), _assert("at_most", number), '"<path>" must be at most <n>'),
    (re.compile(rf"{_Q} must match {_Q}"), _assert("matches", regex_argument), '"<path>" must match "<regex>"'),
    (
        re.compile(rf"{_Q} must not contain (.+)"),
        _assert("not_contains", json_literal),
        '"<path>" must not contain <json>',
    ),
    (
        re.compile(rf"{_Q} must contain (.+)"),
        _assert("contains", json_literal),
        '"<path>" must contain <json>',
    ),
    (
        re.compile(rf"{_Q} must not be (.+)"),
        _assert("not_equals", json_literal),
        '"<path>" must not be <json>',
    ),
    (re.compile(rf"{_Q} must be (.+)"), _assert("equals", json_literal), '"<path>" must be <json>'),
]

STEP_TABLE: list[tuple[re.Pattern[str], Builder, str]] = [
    *_SETUP_AND_FILTERS,
    *_ASSERTIONS,
    (
        re.compile(rf"each element of {_Q}, if any, (must .+)"),
        _quantified("each"),
        'each element of "<projection>", if any, must ... (any "must" form above, held by every element of a'
        ' projection such as "Rules[].Status"; an empty or missing list passes. The plain "<projection>" must ...'
        " needs every element and at least one: an empty or missing list fails it)",
    ),
    (
        re.compile(rf"at least one element of {_Q} (must .+)"),
        _quantified("some"),
        'at least one element of "<projection>" must ... (any "must" form above, held by one element or more;'
        " an empty or missing list fails)",
    ),
    (
        re.compile(rf"the expression {_Q} must be true"),
        _expression,
        'the expression "<jmespath>" must be true',
    ),
    (
        re.compile(r"manual: *(\S.*)"),
        _manual,
        "manual: <what a reviewer checks by hand> (runs as MANUAL; any other free text is an error)",
    ),
]

STEP_FORMS: list[str] = [form for _, _, form in STEP_TABLE]
STEP_KEYWORD_START = re.compile(r"^\s*(Given|When|Then|And|But|\*)\s+\S")


def parse_step(text: str, table: list[list[str]] | None = None) -> Step | None:
    """The Step a line of the language stands for, or None for text outside it; StepSyntaxError when malformed."""
    stripped = text.strip()
    for pattern, build, _ in STEP_TABLE:
        match = pattern.fullmatch(stripped)
        if match:
            return build(match, table)
    return None
