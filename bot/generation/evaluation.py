"""Scores a generated feature against a benchmark entry: which operations it calls, which fields it asserts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jmespath
from jmespath.exceptions import JMESPathError

from bot.knowledge import shapes
from bot.language.feature import Scenario, parse_feature

_MARKERS = re.compile(r"\[[^\]]*\]|\.\*|^\*\.?")


def normalise_path(path: str) -> str:
    """`Rules[].X`, `Rules[0].X`, `Rules[*].X` and `Rules.X` compare equal."""
    return _MARKERS.sub("", path).strip(".")


@dataclass(frozen=True)
class Facts:
    """What a feature does, in benchmark terms."""

    operations: frozenset[str]
    fields: frozenset[str]  # "Operation:path" from the operation's output root, markers removed


def _paths_in(text: str, is_expression: bool) -> list[str]:
    """The field paths a step reads, from its JMESPath syntax tree: a filter's fields count under the list it
    filters (`IpPermissions[?FromPort <= `22`]` reads IpPermissions.FromPort), a quoted map key is its name."""
    try:
        tree = jmespath.compile(text).parsed
    except JMESPathError:
        return [text] if not is_expression else []
    found: list[str] = []
    _walk(dict(tree), (), found)
    return [p for p in dict.fromkeys(found) if not any(other.startswith(p + ".") for other in found)]


def _walk(node: dict[str, Any], context: tuple[str, ...], found: list[str]) -> tuple[str, ...] | None:
    """Record every field the node reads (as a dotted path from the document root); return the path its
    result stands at, or None when it is not a field of the document (a literal, a function's value)."""
    kind, children = node["type"], node.get("children", [])
    if kind == "field":
        path = (*context, str(node["value"]))
        found.append(".".join(path))
        return path
    if kind == "current":
        return context
    if kind in ("subexpression", "pipe", "projection", "value_projection", "index_expression"):
        at: tuple[str, ...] | None = context
        for child in children:
            if child["type"] in ("index", "slice"):  # `Rules[0]` stands where `Rules` does
                continue
            at = _walk(child, at, found) if at is not None else None
        return at
    if kind == "filter_projection":
        left, right, condition = children
        base = _walk(left, context, found)
        if base is None:
            return None
        _walk(condition, base, found)
        return _walk(right, base, found)
    if kind == "flatten":
        return _walk(children[0], context, found)
    if kind == "or_expression":  # `(Rules || `[]`)`: the rules, or nothing
        first = _walk(children[0], context, found)
        _walk(children[1], context, found)
        return first
    for child in children:
        if isinstance(child, dict):
            _walk(child, context, found)
    return None


def _scenario_fields(scenario: Scenario) -> tuple[set[str], set[str]]:
    operations: set[str] = set()
    fields: set[str] = set()
    source = next((s.step for s in scenario.steps if s.step and s.step.kind in ("list", "account")), None)
    keyed = {s.step.operation for s in scenario.steps if s.step and s.step.kind in ("enrich", "account")}
    for entry in scenario.steps:
        step = entry.step
        if step is None:
            continue
        if step.operation and step.kind != "absent_error":
            operations.add(step.operation)
        if step.phase == "setup" or source is None:
            continue
        for path in _paths_in(step.path, step.kind == "expression"):
            head, _, rest = normalise_path(path).partition(".")
            if head in keyed and rest:
                fields.add(f"{head}:{rest}")
            elif source.kind == "list" and path != "@":
                fields.add(f"{source.operation}:{normalise_path(source.items_path + '.' + path)}")
    return operations, fields


def feature_facts(text: str) -> Facts:
    parsed = parse_feature(text)
    operations: set[str] = set()
    fields: set[str] = set()
    for scenario in parsed.scenarios:
        ops, found = _scenario_fields(scenario)
        operations |= ops
        fields |= found
    return Facts(frozenset(operations), frozenset(fields))


def expected_hits(entry: dict[str, object]) -> tuple[set[str], set[str]]:
    """(operations, "Op:path" fields) that count as a hit for the entry's primary operation and field."""
    operations = list(entry.get("expected_operations") or [])  # type: ignore[call-overload]
    fields = list(entry.get("expected_fields") or [])  # type: ignore[call-overload]
    ops = {str(operations[0])} if operations else set()
    wanted = {f"{operations[0]}:{normalise_path(str(fields[0]))}"} if operations and fields else set()
    for alternative in entry.get("alternatives") or []:  # type: ignore[attr-defined]
        op, _, path = str(alternative).partition(":")
        ops.add(op)
        wanted.add(f"{op}:{normalise_path(path)}")
    return ops, wanted


def map_fields(entry: dict[str, object]) -> set[str]:
    """The expected "Op:path" fields that are maps in the model: asserting one of their keys asserts them."""
    service = str(entry.get("service", ""))
    operations = list(entry.get("expected_operations") or [])  # type: ignore[call-overload]
    fields = list(entry.get("expected_fields") or [])  # type: ignore[call-overload]
    pairs = [(str(operations[0]), str(fields[0]))] if operations and fields else []
    pairs += [tuple(str(a).partition(":")[::2]) for a in entry.get("alternatives") or []]  # type: ignore[attr-defined, misc]
    found = set()
    for operation, path in pairs:
        try:
            resolved = shapes.resolve(shapes.output_root(shapes.operation(service, operation)), path)
        except shapes.PathError:
            continue
        if resolved.leaf is not None and resolved.leaf.type_name == "map":
            found.add(f"{operation}:{normalise_path(path)}")
    return found


def field_hit(asserted: Iterable[str], wanted: set[str], maps: set[str]) -> bool:
    """An expected field is asserted exactly, or through one of its keys when it is a map."""
    return any(a in wanted or any(a.startswith(m + ".") for m in maps) for a in asserted)
