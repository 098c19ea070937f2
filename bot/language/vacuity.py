"""Assertions that cannot fail: grounded, but they would PASS every resource whatever its configuration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jmespath
from botocore.model import Shape

from bot.knowledge import shapes
from bot.language.assertions import assertion_text
from bot.language.grammar import Step

NUMERIC = {"integer", "long", "float", "double"}
NEGATIVE = ("not_equals", "not_one_of", "not_contains")  # pass whenever the value is not one named
_FIELD_NODES = {"field", "current", "identity"}  # what reads the resource: a name, `@`, or `*`/`[]` over it


@dataclass(frozen=True)
class Scope:
    """What a scenario's assertions stand on: its listing (None for an account setting), its item shape, the
    operations whose responses join the document, and those whose error is declared to mean absent."""

    listing: Step | None
    item: Shape | None
    calls: dict[str, str]  # operation name -> service
    declared_absent: frozenset[str]


def value_problem(path: str, leaf: Shape, value: Any) -> str | None:
    """Why `value` can never equal a value of the field, or None when it can."""
    allowed = shapes.enum_of(leaf)
    if leaf.type_name == "boolean" and not isinstance(value, bool):
        return f'"{path}" is a boolean; compare it with true or false, not {value!r}'
    if allowed and isinstance(value, str) and value not in allowed:
        return f'"{path}": "{value}" is not a valid value; allowed: {", ".join(allowed)}'
    if leaf.type_name == "string" and value is not None and not isinstance(value, str):
        return f'"{path}" is a string; compare it with a "quoted" value, not {value!r}'
    if leaf.type_name in NUMERIC and (isinstance(value, bool) or not isinstance(value, int | float)):
        return f'"{path}" is a {leaf.type_name}; compare it with a number, not {value!r}'
    return None


def why_vacuous(step: Step, leaf: Shape | None, scope: Scope) -> str | None:
    """Why this grounded assertion cannot fail, with what to assert instead; None when it can fail."""
    if not _reads_the_resource(step.path):
        return (
            f"{assertion_text(step)} cannot fail or never passes: it reads no field of the resource, so it is the "
            'same for every resource; compare a field instead (e.g. "Encrypted" must be true)'
        )
    if step.kind == "present" and step.quantifier != "some":
        return _always_present(step, scope)
    if step.kind == "not_empty" and step.quantifier != "some":
        return _identifies(step, scope)
    if leaf is None:
        return None
    if step.kind == "one_of" and (allowed := shapes.enum_of(leaf)) and set(allowed) <= set(map(str, step.value)):
        return (
            f"{assertion_text(step)} cannot fail on a value: the list names every value botocore allows for "
            f'"{step.path}" ({", ".join(allowed)}); keep only the compliant values'
        )
    if step.kind in NEGATIVE:
        return _never_matched(step, leaf)
    return None


def _reads_the_resource(path: str) -> bool:
    def reads(node: Any) -> bool:
        if not isinstance(node, dict):
            return False
        return node.get("type") in _FIELD_NODES or any(reads(child) for child in node.get("children", []))

    return reads(jmespath.compile(path).parsed)


def _never_matched(step: Step, leaf: Shape) -> str | None:
    values = step.value if step.kind == "not_one_of" else [step.value]
    # null is what a missing value reads as: "must not be null" fails a resource that lacks the field
    problems = [None if value is None else value_problem(step.path, leaf, value) for value in values]
    if not all(problems):
        return None
    return (
        f"{assertion_text(step)} cannot fail: no value it names can occur ({problems[0]}); name the "
        "non-compliant value(s) the field can really take, or assert the compliant one with must be"
    )


def _field_chain(node: dict[str, Any]) -> list[str] | None:
    """The field names of a plain dotted path (`A.B.C`), else None."""
    if node["type"] == "field":
        return [node["value"]]
    if node["type"] != "subexpression":
        return None
    names: list[str] = []
    for child in node["children"]:
        part = _field_chain(child)
        if part is None:
            return None
        names.extend(part)
    return names


def _identifies(step: Step, scope: Scope) -> str | None:
    """The listing's own identifier: every listed resource has one, and it is never empty."""
    listing = scope.listing
    if listing is None or step.path.strip() not in ("@", listing.id_path.strip()):
        return None
    return (
        f'{assertion_text(step)} cannot fail: "{step.path}" identifies the resources {listing.op_ref} lists, so '
        "every listed resource has it; assert the setting the requirement is about instead"
    )


def _always_present(step: Step, scope: Scope) -> str | None:
    subject = assertion_text(step)
    listing = scope.listing
    if found := _identifies(step, scope):
        return found
    chain = _field_chain(dict(jmespath.compile(step.path).parsed))
    if not chain:
        return None
    first, rest = chain[0], chain[1:]
    if first in scope.calls and first not in _item_members(scope):
        return _response_present(subject, first, rest, scope)
    if listing is None or not _all_required(scope.item, chain):
        return None
    return (
        f'{subject} cannot fail: botocore marks "{step.path}" required in the items of {listing.op_ref}, so AWS '
        f'returns it for every resource; assert its value instead ("{step.path}" must be <json>)'
    )


def _item_members(scope: Scope) -> set[str]:
    item = scope.item
    return set(item.members) if item is not None and item.type_name == "structure" else set()


def _response_present(subject: str, operation: str, rest: list[str], scope: Scope) -> str | None:
    """A response key is in the document whenever its call succeeded, unless an error is declared absent."""
    if operation in scope.declared_absent:
        return None
    op_ref = f"{scope.calls[operation]}.{operation}"
    output = shapes.operation(scope.calls[operation], operation).output_shape
    if rest and not _all_required(output, rest):
        return None
    what = f"the response of {op_ref}" if not rest else f'"{".".join(rest)}", which botocore marks required,'
    return (
        f"{subject} cannot fail: {what} is there whenever the call succeeds (a failed call is an ERROR, not an "
        f'absence); assert a field of it, or declare the "not configured" error with: the error "<Code>" from '
        f'"{op_ref}" means absent'
    )


def _all_required(shape: Shape | None, chain: list[str]) -> bool:
    for name in chain:
        if shape is None or shape.type_name != "structure" or name not in (shape.required_members or []):
            return False
        shape = shape.members[name]
    return True
