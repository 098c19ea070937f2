"""The control language: one table of step patterns, shared by the checker and the runner."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from bot.language import limits
from bot.language.values import (
    StepSyntaxError,
    day_count,
    guarded,
    json_list,
    json_literal,
    json_prefix,
    number,
    path_argument,
    regex_argument,
    unquote,
)

Phase = Literal["setup", "filter", "assert"]

_Q = r'"((?:[^"\\]|\\.)*)"'  # a double-quoted name or path; \" and \\ escape inside it
_OP = r'"([a-z0-9-]+)\.([A-Za-z0-9]+)"'


@dataclass(frozen=True)
class Step:
    """One recognised step: its kind, phase and the arguments the pattern captured."""

    kind: str
    phase: Phase
    service: str = ""
    operation: str = ""
    path: str = ""
    params: tuple[tuple[str, str, Any], ...] = ()  # (name, "path" | "value", path or literal)
    value: Any = None
    error_code: str = ""
    items_path: str = ""
    id_path: str = ""

    @property
    def op_ref(self) -> str:
        return f"{self.service}.{self.operation}"


Builder = Callable[[re.Match[str], list[list[str]] | None], Step]


def _listing(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step(
        "list",
        "setup",
        m[1],
        m[2],
        items_path=path_argument(m[3]),
        id_path=path_argument(m[4]),
    )


_PARAM_FROM = re.compile(rf"\s*{_Q} from {_Q}")
_PARAM_SET = re.compile(rf"\s*{_Q} set to ")
_AND = re.compile(r"\s+and\s+")


def _param_list(text: str) -> tuple[tuple[str, str, Any], ...]:
    """`"P" from "path"` or `"P" set to <json>`, joined by "and"."""
    params: list[tuple[str, str, Any]] = []
    pos = 0
    while True:
        if (m := _PARAM_FROM.match(text, pos)) is not None:
            params.append((unquote(m[1]), "path", path_argument(m[2])))
            pos = m.end()
        elif (m := _PARAM_SET.match(text, pos)) is not None:
            try:
                value, pos = json_prefix(text, m.end())
            except StepSyntaxError as error:
                raise StepSyntaxError(f"the value of {m[1]!r}: {error}") from None
            params.append((unquote(m[1]), "value", value))
        else:
            raise StepSyntaxError(
                f'cannot read the parameters {text!r}: write "<Param>" from "<path>" or "<Param>" set to <json>'
            )
        if pos == len(text):
            return tuple(params)
        if (sep := _AND.match(text, pos)) is None:
            raise StepSyntaxError(f'expected " and " between parameters at {text[pos:]!r}')
        pos = sep.end()


def _enrich_params(m: re.Match[str], _: list[list[str]] | None) -> Step:
    return Step("enrich", "setup", m[1], m[2], params=_param_list(m[3]))


def _table_param(row: list[str]) -> tuple[str, str, Any]:
    if len(row) != 2:
        raise StepSyntaxError("each table row must have two cells: | Param | path or JSON literal |")
    name, source = row[0].strip(), row[1].strip()
    if source.startswith("[") or source.startswith("{") or source in ("true", "false", "null"):
        return (name, "value", json_literal(source))
    if re.fullmatch(r"-?\d+(\.\d+)?", source):
        return (name, "value", json_literal(source))
    if source.startswith('"') and source.endswith('"') and len(source) >= 2:
        return (name, "value", json_literal(source))
    return (name, "path", path_argument(source))


def _enrich_table(m: re.Match[str], table: list[list[str]] | None) -> Step:
    if not table:
        raise StepSyntaxError('a step ending in "with:" needs a table: | Param | path or JSON literal |')
    rows = table[1:] if [c.strip().lower() for c in table[0]] in (["param", "value"], ["param", "from"]) else table
    return Step("enrich", "setup", m[1], m[2], params=tuple(_table_param(r) for r in rows))


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


# Order matters: the first pattern that matches the whole step text wins.
STEP_TABLE: list[tuple[re.Pattern[str], Builder, str]] = [
    (
        re.compile(rf"the resources listed by {_OP} at {_Q} identified by {_Q}"),
        _listing,
        'the resources listed by "<svc>.<ListOp>" at "<items path>" identified by "<id path>"',
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
