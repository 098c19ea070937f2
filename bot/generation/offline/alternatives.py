"""Conditions joined by "or" ("CloudWatch or S3 logging"): two assertions become one expression."""

from __future__ import annotations

import json
import re

from bot.generation.offline.reading import words_of
from bot.language.assertions import is_projection
from bot.language.grammar import parse_step
from bot.language.values import quote

_EITHER = re.compile(r"((?:[\w-]+\s+){1,3})(?:or|and/or)\s+((?:[\w-]+\s*){1,3})", re.IGNORECASE)


def joined_by_or(requirement: str, first: frozenset[str], second: frozenset[str]) -> bool:
    """The requirement offers the two conditions as alternatives: a word of each around an "or"."""
    for match in _EITHER.finditer(requirement):
        left, right = set(words_of(match[1])), set(words_of(match[2]))
        if (left & first and right & second) or (left & second and right & first):
            return True
    return False


def either(first: list[str], second: list[str]) -> str | None:
    """One expression step that holds when all of `first` or all of `second` hold, or None when a step has
    no faithful expression (projections, ages, patterns)."""
    sides = [_conjunction(steps) for steps in (first, second)]
    if any(side is None for side in sides):
        return None
    return f"the expression {quote(f'({sides[0]}) || ({sides[1]})')} must be true"


def _conjunction(steps: list[str]) -> str | None:
    parts = [_expression(step) for step in steps]
    return None if any(p is None for p in parts) else " && ".join(f"({p})" for p in parts)


def _literal(value: object) -> str:
    return f"`{json.dumps(value)}`"


def _expression(text: str) -> str | None:
    """The JMESPath that is truthy exactly when the assertion holds (a missing value never holds)."""
    step = parse_step(text)
    if step is None or step.phase != "assert":
        return None
    if step.kind == "expression":
        return step.path
    path = step.path
    if "|" in path or is_projection(path):
        return None
    forms = {
        "equals": f"{path} == {_literal(step.value)}",
        "not_equals": f"{path} != null && {path} != {_literal(step.value)}",
        "one_of": f"contains({_literal(step.value)}, {path})",
        "not_one_of": f"{path} != null && !contains({_literal(step.value)}, {path})",
        "present": f"{path} != null",
        "absent": f"{path} == null",
        "not_empty": f"length({path} || '') > `0`",
    }
    return forms.get(step.kind)
