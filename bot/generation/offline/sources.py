"""Where a resource document comes from: the listing and enrichment calls, or an account setting."""

from __future__ import annotations

import json
from dataclasses import dataclass

from botocore.model import OperationModel, Shape

from bot.generation.offline.joins import id_member, listings, name_overlap, nouns, parent_fit, parent_scope, supply
from bot.generation.offline.security_terms import absent_error, normalise_value
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.language.values import quote

OWN_LISTING_SCORE = 0.3  # one listing call answers the question: simpler than list-then-enrich


@dataclass(frozen=True)
class Source:
    """How a resource document is produced: a listing (and enrichment), or an account setting."""

    setup: tuple[str, ...]
    prefix: str  # how the field's path starts inside the per-resource document
    strip: str  # the part of the field path that the listing turns into the list item
    score: float


def source_for(service: str, op: OperationModel, path: str, resource: str) -> Source | None:
    required = [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS]
    if not required:
        parent = parent_scope(service, op)
        return (
            (parent and _enrichment(service, op, [parent]))
            or _own_listing(service, op, path, resource)
            or _account(service, op)
        )
    literals = _selector_literals(op, required, path)
    found = _enrichment(service, op, [p for p in required if p not in literals])
    if found is None or not literals:
        return found
    setup = list(found.setup)
    setup[1] += "".join(f" and {quote(name)} set to {json.dumps(value)}" for name, value in literals.items())
    return Source(tuple(setup), found.prefix, found.strip, found.score)


def _selector_literals(op: OperationModel, required: list[str], path: str) -> dict[str, str]:
    """Required enum inputs that pick what the call returns (EC2 DescribeInstanceAttribute's Attribute):
    the enum value named like the field asked for."""
    head = normalise_value(path.split(".", 1)[0].replace("[]", ""))
    literals = {}
    for name in required:
        for value in shapes.enum_of(op.input_shape.members[name]):
            norm = normalise_value(value)
            if norm and (norm == head or head.startswith(norm) or norm.startswith(head)):
                literals[name] = value
                break
    return literals


def _own_listing(service: str, op: OperationModel, path: str, resource: str) -> Source | None:
    head, _, rest = path.partition(".")
    if not head.endswith("[]") or op.output_shape is None:
        return None
    member = op.output_shape.members.get(head[:-2])
    if member is None or member.type_name != "list" or member.member.type_name != "structure":
        return None
    items, item = head[:-2], member.member
    inner = _nested_items(item, rest.partition(".")[0], resource, head[:-2])
    if inner is not None:
        items, item = f"{items}[].{inner[0]}[]", inner[1]
    ident = id_member(item, op.name)
    step = f"the resources listed by {quote(service + '.' + op.name)} at {quote(items)} identified by {quote(ident)}"
    return Source((step,), "", f"{items}" if inner else head, OWN_LISTING_SCORE)


def _nested_items(item: Shape, segment: str, resource: str, outer: str) -> tuple[str, Shape] | None:
    """A list inside each listed item that is the resource itself (EC2 Reservations[].Instances[])."""
    if not segment.endswith("[]"):
        return None
    member = item.members.get(segment[:-2])
    if member is None or member.type_name != "list" or member.member.type_name != "structure":
        return None
    wanted = nouns(resource)
    return (segment[:-2], member.member) if len(nouns(segment) & wanted) > len(nouns(outer) & wanted) else None


def _account(service: str, op: OperationModel) -> Source:
    setup = [f"the account setting read by {quote(service + '.' + op.name)}"]
    setup.extend(_absent(service, op))
    return Source(tuple(setup), f"{op.name}.", "", 0.0)


def _absent(service: str, op: OperationModel) -> list[str]:
    codes = [getattr(e, "error_code", None) or e.name for e in (op.error_shapes or [])]
    code = absent_error(service, op.name, codes)
    return [f"the error {quote(code)} from {quote(service + '.' + op.name)} means absent"] if code else []


def _enrichment(service: str, op: OperationModel, required: list[str]) -> Source | None:
    best: tuple[float, str, list[str]] | None = None
    if not required:
        return None
    for listing, items, item in listings(service):
        if listing == op.name:
            continue
        supplies = [supply(param, items, item) for param in required]
        if any(s is None for s in supplies):
            continue
        quality = sum(q for q, _ in supplies if q) / len(supplies)  # type: ignore[misc]
        score = quality + 0.5 * name_overlap(listing, op.name) + (0.1 if listing.startswith("List") else 0.0)
        score += parent_fit(listing, required)
        paths = [p for _, p in supplies if p]  # type: ignore[misc]
        if best is None or score > best[0]:
            best = (score, f"{listing}|{items}", paths)
    if best is None:
        return None
    listing, items = best[1].split("|")
    params = " and ".join(f"{quote(p)} from {quote(path)}" for p, path in zip(required, best[2], strict=True))
    params += _all_attributes(op)
    setup = [
        f"the resources listed by {quote(service + '.' + listing)} at {quote(items)} identified by {quote(best[2][0])}",
        f"each resource is enriched by {quote(service + '.' + op.name)} with {params}",
        *_absent(service, op),
    ]
    return Source(tuple(setup), f"{op.name}.", "", min(best[0], 1.0) * 0.3)


def _all_attributes(op: OperationModel) -> str:
    """Some Get calls return nothing unless asked for attribute names (SQS): ask for all of them."""
    for name, member in op.input_shape.members.items():
        if member.type_name == "list" and "All" in shapes.enum_of(member.member) and name.endswith("Names"):
            return f' and {quote(name)} set to ["All"]'
    return ""


def fallback(service: str, operation: str) -> Plan:
    """With nothing assertable found, a listing that at least proves the resources are readable."""
    for listing, items, item in listings(service):
        ident = id_member(item, listing) if item.type_name == "structure" else "@"
        step = (
            f"the resources listed by {quote(service + '.' + listing)} at {quote(items)} identified by {quote(ident)}"
        )
        return Plan(setup=[step], assertions=[f"{quote(ident)} must be present"])
    return Plan(
        setup=[f"the account setting read by {quote(service + '.' + operation)}"],
        assertions=[f"{quote(operation)} must be present"],
    )
