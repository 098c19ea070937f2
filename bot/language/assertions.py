"""Filters and assertions of the control language, evaluated on one resource document (no I/O)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import regex
from jmespath.exceptions import JMESPathError
from jmespath.parser import ParsedResult, Parser
from jmespath.visitor import TreeInterpreter

from bot.language.grammar import Step

_PROJECTIONS = ("projection", "value_projection", "filter_projection")
_ACTUAL_CAP = 200
MATCH_TIMEOUT_S = 1.0


class PathError(ValueError):
    """A path or expression that is not valid JMESPath."""


class EvaluationError(ValueError):
    """An assertion or filter that could not be evaluated on this resource's values (never a pass)."""


@dataclass(frozen=True)
class Document:
    """One resource: its list item plus one response per enrichment call, keyed by operation name."""

    item: Any
    responses: Mapping[str, Any] = field(default_factory=dict)

    def data(self) -> Any:
        if isinstance(self.item, dict):
            return {**self.item, **self.responses}
        return dict(self.responses)


@lru_cache(maxsize=2048)
def compile_path(path: str) -> ParsedResult:
    try:
        return Parser().parse(path)
    except JMESPathError as error:
        raise PathError(f'"{path}" is not a valid JMESPath expression: {error}') from None


def search(path: str, document: Document) -> Any:
    """Plain JMESPath on the document; "@" on a list item that is not an object is the item itself."""
    parsed = compile_path(path)
    if parsed.parsed["type"] == "current" and not isinstance(document.item, dict):
        return document.item
    return parsed.search(document.data())


def _projection(node: Any) -> tuple[list[Any], Any] | None:
    """(prefix nodes, projection node) when the path's result is a projection, else None.

    JMESPath nests a projection at the end of a chain: `a.b[*].c` is subexpression(a, projection(b, c)).
    """
    prefixes: list[Any] = []
    while node["type"] in ("subexpression", "pipe"):
        prefixes.extend(node["children"][:-1])
        node = node["children"][-1]
    return (prefixes, node) if node["type"] in _PROJECTIONS else None


def is_projection(path: str) -> bool:
    """True when the path's result is a projection (`Rules[].X`, `[*]`, `[?..]`, `.*`), decided on the AST."""
    return _projection(compile_path(path).parsed) is not None


def projected_elements(path: str, document: Document) -> list[Any] | None:
    """The elements of a projection path, keeping a None for each element that lacks the value."""
    found = _projection(compile_path(path).parsed)
    if found is None:
        raise PathError(f'"{path}" is not a projection')
    prefixes, node = found
    interpreter = TreeInterpreter()
    value = document.data()
    for prefix in prefixes:
        value = interpreter.visit(prefix, value)
    base = interpreter.visit(node["children"][0], value)
    if node["type"] == "value_projection":
        base = list(base.values()) if isinstance(base, dict) else None
    if not isinstance(base, list):
        return None
    if node["type"] == "filter_projection":
        condition = node["children"][2]
        base = [element for element in base if truthy(interpreter.visit(condition, element))]
    return [interpreter.visit(node["children"][1], element) for element in base]


def truthy(value: Any) -> bool:
    """JMESPath truthiness: false, null, "", [] and {} are false; every number is true."""
    return not (value is None or value is False or value in ("", [], {}))


def same(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, 1 equals 1.0, lists and objects compared element by element."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and bool(a == b)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):
        return float(value)  # some APIs (SQS attributes) report numbers as strings
    return None


def _contains(value: Any, literal: Any) -> bool | None:
    """None when the value is not something that can contain (a list, a string, an object's keys)."""
    if isinstance(value, list):
        return any(same(element, literal) for element in value)
    if isinstance(value, str | dict):
        return isinstance(literal, str) and literal in value
    return None


def _at_least(v: Any, n: Any) -> bool:
    number = _number(v)
    return number is not None and number >= n


def _at_most(v: Any, n: Any) -> bool:
    number = _number(v)
    return number is not None and number <= n


def age_days(value: Any, now: datetime | None = None) -> float | None:
    """Days since a timestamp: botocore's datetime, an ISO 8601 string, or epoch seconds."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        value = datetime.fromtimestamp(value, tz=UTC)
    if not isinstance(value, datetime):
        return None
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return ((now or datetime.now(UTC)) - moment).total_seconds() / 86400


def _matches(value: Any, pattern: str) -> bool:
    """A regex search with a time limit: a hostile resource name must not stall the run."""
    if not isinstance(value, str):
        return False
    try:
        return regex.search(pattern, value, timeout=MATCH_TIMEOUT_S) is not None
    except TimeoutError:
        raise EvaluationError(
            f"matching {pattern!r} took longer than {MATCH_TIMEOUT_S:g}s on a value of {len(value):,} characters"
        ) from None


def _max_age(v: Any, days: Any) -> bool:
    age = age_days(v)
    return age is not None and age <= days


_PREDICATES: dict[str, Callable[[Any, Any], bool]] = {
    "max_age_days": _max_age,
    "equals": lambda v, lit: same(v, lit),
    "not_equals": lambda v, lit: not same(v, lit),
    "one_of": lambda v, lits: any(same(v, lit) for lit in lits),
    "not_one_of": lambda v, lits: not any(same(v, lit) for lit in lits),
    "present": lambda v, _: True,
    "not_empty": lambda v, _: isinstance(v, list | str | dict) and len(v) > 0,
    "at_least": _at_least,
    "at_most": _at_most,
    "matches": lambda v, pattern: _matches(v, pattern),
    "contains": lambda v, lit: _contains(v, lit) is True,
    "not_contains": lambda v, lit: _contains(v, lit) is False,
}

_EXPECTATIONS: dict[str, str] = {
    "equals": "must be {v}",
    "not_equals": "must not be {v}",
    "one_of": "must be one of {v}",
    "not_one_of": "must not be one of {v}",
    "present": "must be present",
    "absent": "must be absent",
    "not_empty": "must not be empty",
    "at_least": "must be at least {v}",
    "at_most": "must be at most {v}",
    "max_age_days": "must be at most {v} days old",
    "matches": "must match {v}",
    "contains": "must contain {v}",
    "not_contains": "must not contain {v}",
}

FILTER_AS_ASSERTION: dict[str, str] = {
    "where_is": "equals",
    "where_not": "not_equals",
    "where_one_of": "one_of",
    "where_present": "present",
    "where_absent": "absent",
}


def render_actual(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= _ACTUAL_CAP else text[: _ACTUAL_CAP - 1] + "…"


def _holds(kind: str, path: str, expected: Any, document: Document) -> tuple[bool, str]:
    """Whether an assertion holds, and the actual value as shown to the user."""
    if is_projection(path):
        elements = projected_elements(path, document)
        if kind == "absent":
            return all(e is None for e in elements or []), render_actual(elements)
        if not elements:
            return False, f"{render_actual(elements)} (nothing to check)"
        if kind in ("contains", "not_contains"):
            values = [e for e in elements if e is not None]
            return _PREDICATES[kind](values, expected), render_actual(elements)
        ok = all(e is not None and _PREDICATES[kind](e, expected) for e in elements)
        return ok, render_actual(elements)
    value = search(path, document)
    if kind == "absent":
        return value is None, render_actual(value)
    if value is None:
        return False, "nothing (no value at this path)"
    return _PREDICATES[kind](value, expected), render_actual(value)


def _evaluated(what: str, check: Callable[[], str | None]) -> str | None:
    """The check's outcome; any fault while evaluating it (a type error in a JMESPath function, a timestamp out of
    range, a value nested too deeply) becomes an EvaluationError naming the step, never a pass."""
    try:
        return check()
    except (EvaluationError, PathError):
        raise
    except RecursionError:
        raise EvaluationError(f"{what}: cannot be evaluated: the value is nested too deeply") from None
    except Exception as error:
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise EvaluationError(f"{what}: cannot be evaluated on this resource: {detail}") from None


def failure(step: Step, document: Document) -> str | None:
    """None when the assertion holds on the document, else the reason, with the actual value."""
    if step.kind == "manual":
        return None
    return _evaluated(f'"{step.path}"', lambda: _failure(step, document))


def filter_failure(step: Step, document: Document) -> str | None:
    """None when the filter keeps the resource, else why it was left out (missing ⇒ only `is absent` holds)."""
    return _evaluated(f'filter "{step.path}"', lambda: _filter_failure(step, document))


def _failure(step: Step, document: Document) -> str | None:
    if step.kind == "expression":
        result = search(step.path, document)
        if truthy(result):
            return None
        return f'the expression "{step.path}" must be true: actual {render_actual(result)}'
    ok, actual = _holds(step.kind, step.path, step.value, document)
    if ok:
        return None
    shown = f'"{step.value}"' if step.kind == "matches" else render_actual(step.value)
    return f'"{step.path}" {_EXPECTATIONS[step.kind].format(v=shown)}: actual {actual}'


def _filter_failure(step: Step, document: Document) -> str | None:
    kind = FILTER_AS_ASSERTION[step.kind]
    ok, actual = _holds(kind, step.path, step.value, document)
    if ok:
        return None
    phrase = _EXPECTATIONS[kind].replace("must not be ", "is not ").replace("must be ", "is ")
    wanted = phrase.format(v=render_actual(step.value))
    return f'filter "{step.path}" {wanted}: actual {actual}'
