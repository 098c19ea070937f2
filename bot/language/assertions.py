"""Filters and assertions of the control language, evaluated on one resource document (no I/O)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jmespath.exceptions import JMESPathError
from jmespath.parser import ParsedResult, Parser
from jmespath.visitor import TreeInterpreter

from bot.language.grammar import Step
from bot.language.predicates import EXPECTATIONS, PREDICATES, truthy
from bot.language.predicates import EvaluationError as EvaluationError  # re-exported: the runner catches it

_PROJECTIONS = ("projection", "value_projection", "filter_projection")
_ACTUAL_CAP = 200


class PathError(ValueError):
    """A path or expression that is not valid JMESPath."""


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


def _element_holds(kind: str, element: Any, expected: Any) -> bool:
    """One element of a projection against the predicate; a missing value holds only `absent`."""
    if kind == "absent":
        return element is None
    return element is not None and PREDICATES[kind](element, expected)


def _quantified_holds(step: Step, document: Document) -> tuple[bool, str]:
    """`each element .., if any,`: every element, none needed; `at least one element ..`: one or more."""
    if not is_projection(step.path):
        raise PathError(
            f'"{step.path}" is not a projection: "each element of" and "at least one element of" need a list path '
            f'such as "Rules[].Status"'
        )
    elements = projected_elements(step.path, document) or []
    results = (_element_holds(step.kind, element, step.value) for element in elements)
    ok = all(results) if step.quantifier == "each" else any(results)
    return ok, render_actual(elements) if elements else f"{render_actual(elements)} (no element)"


def _holds(kind: str, path: str, expected: Any, document: Document) -> tuple[bool, str]:
    """Whether an assertion holds, and the actual value as shown to the user (on a projection: every element
    holds and there is at least one, but `absent` holds on an empty list)."""
    if is_projection(path):
        elements = projected_elements(path, document)
        if kind == "absent":
            return all(e is None for e in elements or []), render_actual(elements)
        if not elements:
            return False, f"{render_actual(elements)} (nothing to check)"
        if kind in ("contains", "not_contains"):
            values = [e for e in elements if e is not None]
            return PREDICATES[kind](values, expected), render_actual(elements)
        ok = all(e is not None and PREDICATES[kind](e, expected) for e in elements)
        return ok, render_actual(elements)
    value = search(path, document)
    if kind == "absent":
        return value is None, render_actual(value)
    if value is None:
        return False, "nothing (no value at this path)"
    return PREDICATES[kind](value, expected), render_actual(value)


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


QUANTIFIED_SUBJECT = {
    "": '"{path}"',
    "each": 'each element of "{path}", if any,',
    "some": 'at least one element of "{path}"',
}


def assertion_text(step: Step) -> str:
    """The assertion as the language writes it, its value as JSON (the head of every failure reason)."""
    if step.kind == "expression":
        return f'the expression "{step.path}" must be true'
    shown = f'"{step.value}"' if step.kind == "matches" else render_actual(step.value)
    subject = QUANTIFIED_SUBJECT[step.quantifier].format(path=step.path)
    return f"{subject} {EXPECTATIONS[step.kind].format(v=shown)}"


def _failure(step: Step, document: Document) -> str | None:
    if step.kind == "expression":
        result = search(step.path, document)
        if truthy(result):
            return None
        return f'the expression "{step.path}" must be true: actual {render_actual(result)}'
    if step.quantifier:
        ok, actual = _quantified_holds(step, document)
    else:
        ok, actual = _holds(step.kind, step.path, step.value, document)
    if ok:
        return None
    return f"{assertion_text(step)}: actual {actual}"


def _filter_failure(step: Step, document: Document) -> str | None:
    kind = FILTER_AS_ASSERTION[step.kind]
    ok, actual = _holds(kind, step.path, step.value, document)
    if ok:
        return None
    phrase = EXPECTATIONS[kind].replace("must not be ", "is not ").replace("must be ", "is ")
    wanted = phrase.format(v=render_actual(step.value))
    return f'filter "{step.path}" {wanted}: actual {actual}'
