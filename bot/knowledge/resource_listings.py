"""Which read operations enumerate a resource type, read from the raw botocore model JSON (fast to walk)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.knowledge.operation_policy import operation_refusal
from bot.knowledge.resource_types import (
    ID_WORDS,
    Listing,
    head_of,
    id_word,
    is_plural,
    name_noun,
    noun_of,
    words_of,
)
from bot.knowledge.shapes import PAGING_PARAMS
from bot.knowledge.vocabulary import split_words

_PAGING_MEMBER = re.compile(r"Token|Marker|IsTruncated|^Max|^Quantity$|^Count$|^ResponseMetadata$")
_VERSION = re.compile(r"v\d+")  # ListClustersV2
_NAME_FIRST = {"name": 0, "id": 1, "identifier": 1, "url": 2, "arn": 3}

# One candidate list in a response: (items path, item shape name, item is a structure)
_Items = tuple[str, str, bool]


class RawModel:
    """The parts of a service's raw model JSON the resource model reads."""

    def __init__(self, service: str, raw: Mapping[str, Any]) -> None:
        self.service = service
        self.operations: Mapping[str, Any] = raw["operations"]
        self.shapes: Mapping[str, Any] = raw["shapes"]

    def input_shape(self, operation: str) -> Mapping[str, Any]:
        spec = self.operations[operation].get("input")
        return self.shapes[spec["shape"]] if spec else {}

    def required(self, operation: str) -> list[str]:
        return [p for p in self.input_shape(operation).get("required", ()) if p not in PAGING_PARAMS]

    def member_shape(self, shape: Mapping[str, Any], member: str) -> Mapping[str, Any]:
        found: Mapping[str, Any] = self.shapes[shape["members"][member]["shape"]]
        return found

    def member_doc(self, shape: Mapping[str, Any], member: str) -> str:
        ref = shape["members"][member]
        return str(ref.get("documentation") or self.shapes[ref["shape"]].get("documentation", ""))


def is_listing_name(operation: str) -> bool:
    """List*/Describe* calls, and Get* calls named in the plural (`GetRestApis`, `GetConnections`)."""
    last = [w for w in split_words(operation) if not _VERSION.fullmatch(w)][-1:] or [""]
    return operation.startswith(("List", "Describe", "Get")) and is_plural(last[0])


def find_listings(raw: RawModel) -> list[tuple[Listing, str | None]]:
    """Every listing with the one required identifier it still needs from a parent (None: a root listing)."""
    found = []
    for operation, spec in raw.operations.items():
        if not is_listing_name(operation) or "output" not in spec or spec.get("deprecated"):
            continue
        constants, others = _inputs(raw, operation)
        if len(others) > 1 or operation_refusal(raw.service, operation) is not None:
            continue
        items = best_items(raw, operation, spec["output"]["shape"])
        if items is None:
            continue
        path, shape_name, structured = items
        idents = identifiers(raw, shape_name, operation) if structured else ("@",)
        shape = shape_name if structured else None
        listing = Listing(raw.service, operation, path, shape, idents, constants, own=_own_scope(raw, operation))
        found.append((listing, others[0] if others else None))
    return found


def _inputs(raw: RawModel, operation: str) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], list[str]]:
    """A call's required inputs: enum constants (wafv2 Scope) and the others."""
    shape = raw.input_shape(operation)
    constants, others = [], []
    for name in raw.required(operation):
        enum = tuple(raw.member_shape(shape, name).get("enum", ()))
        if enum:
            constants.append((name, enum))
        else:
            others.append(name)
    return tuple(constants), others


_OWNER_INPUTS = frozenset({"OwnerIds", "Owners"})


def _own_scope(raw: RawModel, operation: str) -> tuple[tuple[str, object], ...]:
    """An owner filter whose documentation offers `self` (ec2 DescribeSnapshots' OwnerIds, DescribeImages'
    Owners): without it the call also lists what other accounts share publicly, and a control would judge
    every public snapshot or image in AWS."""
    shape = raw.input_shape(operation)
    for name in shape.get("members", {}):
        listed = name in _OWNER_INPUTS and raw.member_shape(shape, name).get("type") == "list"
        if listed and re.search(r"\bself\b", raw.member_doc(shape, name)):
            return ((name, ["self"]),)
    return ()


def best_items(raw: RawModel, operation: str, output: str) -> _Items | None:
    """The list in the response that holds the operation's resource: named like it, else the only one."""
    candidates = list(_candidate_items(raw, output))
    if not candidates:
        return None
    noun = noun_of(operation)

    def fit(candidate: _Items) -> tuple[int, int, int]:
        last = words_of(candidate[0].rsplit(".", 1)[-1].replace("[]", "")) | words_of(candidate[1])
        return (len(last & noun), candidate[2], -candidate[0].count("."))

    best = max(candidates, key=fit)
    if len(candidates) > 1 and not fit(best)[0] and not best[2]:
        return None  # several lists, none about the resource: a report, not a listing
    return best


def _candidate_items(raw: RawModel, output: str) -> list[_Items]:
    """Lists in a response: top-level, inside a wrapper (DistributionList.Items), or inside each item
    (Reservations[].Instances[])."""
    found: list[_Items] = []
    shape = raw.shapes[output]
    for name, ref in shape.get("members", {}).items():
        if _PAGING_MEMBER.search(name):
            continue
        target = raw.shapes[ref["shape"]]
        if target.get("type") == "list":
            found.extend(_list_items(raw, name, target))
        elif target.get("type") == "structure" and len(found) == 0:
            for inner, inner_ref in target.get("members", {}).items():
                inner_target = raw.shapes[inner_ref["shape"]]
                if inner_target.get("type") == "list" and not _PAGING_MEMBER.search(inner):
                    found.extend(_list_items(raw, f"{name}.{inner}", inner_target, nested=False))
    return found


def _list_items(raw: RawModel, path: str, target: Mapping[str, Any], nested: bool = True) -> list[_Items]:
    item_name = target["member"]["shape"]
    item = raw.shapes[item_name]
    if item.get("type") == "string":
        return [(path, item_name, False)]
    if item.get("type") != "structure":
        return []
    found: list[_Items] = [(path, item_name, True)]
    if nested:
        for inner, ref in item.get("members", {}).items():
            inner_target = raw.shapes[ref["shape"]]
            if inner_target.get("type") == "list":
                inner_item = inner_target["member"]["shape"]
                if raw.shapes[inner_item].get("type") == "structure":
                    found.append((f"{path}[].{inner}[]", inner_item, True))
    return found


def identifiers(raw: RawModel, item_shape: str, operation: str) -> tuple[str, ...]:
    members = raw.shapes[item_shape].get("members", {})
    return identifiers_among(
        {name: raw.shapes[ref["shape"]].get("type", "") for name, ref in members.items()}, operation
    )


def identifiers_among(members: Mapping[str, str], operation: str) -> tuple[str, ...]:
    """Members of an item that name THAT item, best first: named after it, a name or id before an ARN.

    A member naming another resource (ListAccessKeys' UserName, an instance's SubnetId, a DB instance's
    DBName or ReadReplicaSourceDBInstanceIdentifier) is not one: its words must be the resource's and
    include the resource's head noun."""
    noun, head = noun_of(operation), head_of(operation)
    ranked = []
    for name, type_name in members.items():
        word = id_word(name)
        if not word or type_name != "string":
            continue
        own = name_noun(name)
        if own and noun and not (own <= noun and head in own):
            continue
        ranked.append((word == "arn", not own, _NAME_FIRST.get(word.rstrip("s"), 1), len(name), name))
    ranked.sort()
    return tuple(name for *_, name in ranked)


def optional_scope(
    raw: RawModel, operation: str, roots: dict[frozenset[str], Listing]
) -> tuple[str, Listing, str] | None:
    """An optional input that scopes a root listing to one parent (IAM ListAccessKeys' UserName, ELBv2
    DescribeListeners' LoadBalancerArn): without it the call answers for the caller only, or fails."""
    if not operation.startswith(("List", "Describe")):
        return None
    shape = raw.input_shape(operation)
    for name in shape.get("members", {}):
        is_string = raw.member_shape(shape, name).get("type") == "string"
        if id_word(name) not in ID_WORDS or name in PAGING_PARAMS or not is_string:
            continue
        parent = roots.get(name_noun(name))
        if parent is None or parent.operation == operation:
            continue
        word = id_word(name)  # HostedZoneId is the hosted zone's Id
        same = [m for m in parent.identifiers if m == name or (id_word(m) == word and not name_noun(m))]
        if same:
            return name, parent, same[0]
    return None
