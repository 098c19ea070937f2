"""botocore models: operations, input parameters, and JMESPath paths resolved through output shapes."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeAlias

import jmespath
from botocore.model import OperationModel, ServiceModel, Shape
from jmespath.exceptions import JMESPathError

from bot.inputs.errors import UsageError
from bot.knowledge import botocore_index
from bot.knowledge.operation_policy import operation_refusal

# Parameters a listing operation may require that the runner supplies itself (botocore paging inputs).
PAGING_PARAMS = frozenset({"MaxResults", "MaxItems", "Limit", "MaxRecords", "PageSize", "MaxKeys"})


class PathError(ValueError):
    """A name or path that does not exist in the model; the message lists the closest valid names."""


@cache
def service_model(service: str) -> ServiceModel:
    try:
        return botocore_index.service_model(service)
    except UsageError:
        raise PathError(f'unknown service "{service}"') from None


def closest(name: str, candidates: list[str], n: int = 5) -> list[str]:
    found = difflib.get_close_matches(name, candidates, n=n, cutoff=0.5)
    if not found:
        lowered = {c.lower(): c for c in candidates}
        found = [lowered[c] for c in difflib.get_close_matches(name.lower(), list(lowered), n=n, cutoff=0.4)]
    return found


def suggestion(name: str, candidates: list[str]) -> str:
    near = closest(name, candidates)
    if near:
        return "closest valid: " + ", ".join(near)
    shown = sorted(candidates)[:12]
    more = " …" if len(candidates) > len(shown) else ""
    return "valid: " + ", ".join(shown) + more if shown else "no valid names here"


def operation(service: str, name: str) -> OperationModel:
    model = service_model(service)
    if name not in model.operation_names:
        reads = [op for op in model.operation_names if operation_refusal(service, op) is None]
        raise PathError(f'unknown operation "{service}.{name}"; {suggestion(name, reads)}')
    return model.operation_model(name)


def input_members(op: OperationModel) -> dict[str, Shape]:
    return dict(op.input_shape.members) if op.input_shape is not None else {}


def required_inputs(op: OperationModel) -> list[str]:
    if op.input_shape is None:
        return []
    return list(getattr(op.input_shape, "required_members", []) or [])


@dataclass(frozen=True)
class Seq:
    """The result of a projection: a list of `elem`."""

    elem: Typed


@dataclass
class Root:
    """The per-resource document: the list item's members plus one key per enrichment response."""

    members: dict[str, Shape | Root | None] = field(default_factory=dict)
    identity: Shape | None = None
    label: str = "the resource document"


Typed: TypeAlias = "Shape | Seq | Root | None"  # None: unknown (any value)


@dataclass(frozen=True)
class Resolved:
    shape: Typed
    projected: bool

    @property
    def leaf(self) -> Shape | None:
        typed = self.shape
        while isinstance(typed, Seq):
            typed = typed.elem
        return typed if isinstance(typed, Shape) else None


def _type_name(typed: Typed) -> str:
    if isinstance(typed, Shape):
        return str(typed.type_name)
    return "list" if isinstance(typed, Seq) else "object"


def _elements(typed: Typed, where: str) -> Typed:
    if typed is None:
        return None
    if isinstance(typed, Seq):
        return typed.elem
    if isinstance(typed, Shape) and typed.type_name == "list":
        return typed.member
    raise PathError(f'"{where}" is a {_type_name(typed)}, not a list: drop the [] or [n]')


def _field(typed: Typed, name: str) -> Typed:
    if typed is None:
        return None
    if isinstance(typed, Root):
        if name in typed.members:
            return typed.members[name]
        raise PathError(f'unknown field "{name}" in {typed.label}; {suggestion(name, list(typed.members))}')
    if isinstance(typed, Seq) or (isinstance(typed, Shape) and typed.type_name == "list"):
        raise PathError(f'"{name}" is read from a list: write "[]." or "[0]." before it')
    if typed.type_name == "map":
        keys = enum_of(typed.key)
        if keys and name not in keys:
            raise PathError(f'unknown key "{name}" in {typed.name}; {suggestion(name, keys)}')
        return typed.value
    if typed.type_name != "structure":
        raise PathError(f'cannot read "{name}" from a {typed.type_name} value')
    members = list(typed.members)
    if name not in members:
        raise PathError(f'unknown field "{name}" in {typed.name}; {suggestion(name, members)}')
    return typed.members[name]


class _Walker:
    def __init__(self, root: Root, text: str) -> None:
        self.root = root
        self.text = text
        self.projected = False

    def walk(self, node: dict[str, Any], cur: Typed) -> Typed:
        kind = node["type"]
        kids = node.get("children", [])
        if kind == "field":
            return _field(cur, node["value"])
        if kind == "subexpression":
            for child in kids:
                cur = self.walk(child, cur)
            return cur
        if kind in ("current", "identity"):
            if isinstance(cur, Root) and cur is self.root and kind == "current":
                return cur.identity
            return cur
        if kind == "index_expression":
            left = self.walk(kids[0], cur)
            return _elements(left, self.text) if kids[1]["type"] == "index" else left
        if kind == "flatten":
            self.projected = True
            inner = _elements(self.walk(kids[0], cur), self.text)
            if isinstance(inner, Seq) or (isinstance(inner, Shape) and inner.type_name == "list"):
                return Seq(_elements(inner, self.text))
            return Seq(inner)
        if kind == "projection":
            self.projected = True
            return Seq(self.walk(kids[1], _elements(self.walk(kids[0], cur), self.text)))
        if kind == "filter_projection":
            self.projected = True
            elem = _elements(self.walk(kids[0], cur), self.text)
            self.walk(kids[2], elem)
            return Seq(self.walk(kids[1], elem))
        if kind == "value_projection":
            self.projected = True
            left = self.walk(kids[0], cur)
            value = left.value if isinstance(left, Shape) and left.type_name == "map" else None
            return Seq(self.walk(kids[1], value))
        if kind == "pipe":
            return self.walk(kids[1], self.walk(kids[0], cur))
        for child in kids:
            if isinstance(child, dict):
                self.walk(child, cur)
        return None  # literals, comparisons, functions, multi-selects: any value


def resolve(root: Root, path: str) -> Resolved:
    """Resolve a JMESPath expression against the document's shapes; PathError names close valid names."""
    try:
        parsed = jmespath.compile(path).parsed
    except JMESPathError as error:
        raise PathError(f'"{path}" is not a valid JMESPath expression: {error}') from None
    walker = _Walker(root, path)
    return Resolved(walker.walk(dict(parsed), root), walker.projected)


def output_root(op: OperationModel) -> Root:
    members = dict(op.output_shape.members) if op.output_shape is not None else {}
    return Root(dict(members), label=f"the {op.name} response")


def enum_of(shape: Shape | None) -> list[str]:
    return list(getattr(shape, "enum", None) or []) if shape is not None else []
