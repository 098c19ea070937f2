"""The predicates of the control language's assertions: JSON equality, numbers, containment, age, regex."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import regex

MATCH_TIMEOUT_S = 1.0


class EvaluationError(ValueError):
    """An assertion or filter that could not be evaluated on this resource's values (never a pass)."""


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


PREDICATES: dict[str, Callable[[Any, Any], bool]] = {
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

EXPECTATIONS: dict[str, str] = {
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
