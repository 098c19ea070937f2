"""Where a resource document comes from: the resource model's listing and enrichment, or an account setting."""

from __future__ import annotations

from dataclasses import dataclass

from botocore.model import OperationModel, Shape

from bot.generation.offline.joins import enrichment_step, listing_step, nouns
from bot.generation.offline.security_terms import normalise_value
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.resource_types import words_of
from bot.knowledge.resources import Join, Listing, item_identifiers, not_configured_errors, resource_model
from bot.knowledge.vocabulary import split_words
from bot.language.values import quote

OWN_LISTING_SCORE = 0.3  # one listing call answers the question: simpler than list-then-enrich
ENRICHMENT_SCORE = 0.3  # the most an enrichment adds, for the best join the model knows
BEST_JOIN_QUALITY = 1.6  # a join's quality at which it counts as certain (exact field, the call's own noun)


@dataclass(frozen=True)
class Source:
    """How a resource document is produced: a listing (and enrichment), or an account setting."""

    setup: tuple[str, ...]
    prefix: str  # how the field's path starts inside the per-resource document
    strip: str  # the part of the field path that the listing turns into the list item
    score: float


def source_for(service: str, op: OperationModel, path: str, resource: str) -> Source | None:
    """The setup that produces the document `path` is read from: enrichment of the model's best listing,
    the operation's own listing, or an account setting."""
    model = resource_model(service)
    required = [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS]
    own = model.listing(op.name)
    if not required:
        scoped = own is not None and _scoped(own, resource)
        joins = model.joins(op.name)
        # a call that lists only a default when asked nothing (ECS DescribeClusters) is fed by its listing
        fed = bool(joins) and joins[0].listing.operation != op.name and _own_identifier(op.name, joins[0])
        joined = _enrichment(service, op, joins, {}) if scoped or own is None or fed else None
        return joined or _own_listing(service, op, path, resource) or _account(service, op)
    return _enrichment(service, op, model.joins(op.name), _selector_literals(op, required, path))


def _own_identifier(operation: str, join: Join) -> bool:
    """The join feeds the call its own resource (ECS DescribeClusters `clusters`), not a parent that scopes it
    (Elastic Beanstalk DescribeEnvironments `ApplicationName`)."""
    param = join.params[0][0]
    return bool(nouns(param) - {"name", "id", "arn", "identifier"} <= nouns(operation))


def _scoped(listing: Listing, resource: str) -> bool:
    """Whether to list the parent first: the call needs it, or the request is about the parent (the hosted
    zones whose query logging configurations are checked, not the configurations)."""
    if listing.parent is None or not listing.parent_optional:
        return False
    wanted = set(words_of(resource))
    own, parent = set(listing.noun), set(listing.parent.listing.noun)
    return listing.scope_needed or _fit(parent, wanted) > _fit(own, wanted)


def _fit(noun: set[str], wanted: set[str]) -> float:
    return len(noun & wanted) / max(len(noun | wanted), 1)


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


def _enrichment(service: str, op: OperationModel, joins: tuple[Join, ...], selectors: dict[str, str]) -> Source | None:
    if not joins:
        return None
    join = joins[0]
    setup = [
        listing_step(join.listing, join.params[0][1]),
        enrichment_step(service, op, join, selectors),
        *_absent(service, op),
    ]
    return Source(tuple(setup), f"{op.name}.", "", min(join.quality / BEST_JOIN_QUALITY, 1.0) * ENRICHMENT_SCORE)


def _own_listing(service: str, op: OperationModel, path: str, resource: str) -> Source | None:
    modelled = resource_model(service).listing(op.name)
    if modelled is not None and "." in modelled.items and path.startswith(f"{modelled.items}[]."):
        # wrapped items (CloudFront DistributionList.Items): the model knows where the list is
        step = listing_step(modelled, _report_identifier(modelled.identifiers) if modelled.identifiers else "@")
        return Source((step,), "", f"{modelled.items}[]", OWN_LISTING_SCORE)
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
    listing = resource_model(service).listing(op.name) or _unmodelled(service, op.name, items)
    idents = listing.identifiers if listing.items == items else item_identifiers(service, op.name, item)
    step = listing_step(listing, _report_identifier(idents) if idents else next(iter(item.members), "@"), items)
    return Source((step,), "", f"{items}" if inner else head, OWN_LISTING_SCORE)


def _report_identifier(identifiers: tuple[str, ...]) -> str:
    """What a finding names the resource by: an id where the listing has one beside a name, since names repeat
    (every VPC has a security group named "default", API Gateway names are free text)."""
    if not split_words(identifiers[0]) or split_words(identifiers[0])[-1].lower() != "name":
        return identifiers[0]
    ids = [i for i in identifiers if split_words(i) and split_words(i)[-1].lower() == "id"]
    return ids[0] if ids else identifiers[0]


def _unmodelled(service: str, operation: str, items: str) -> Listing:
    return Listing(service, operation, items, None, (), ())


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
    codes = not_configured_errors(service, op.name)
    return [f"the error {quote(codes[0])} from {quote(service + '.' + op.name)} means absent"] if codes else []


def fallback(service: str, operation: str) -> Plan:
    """With nothing assertable found, a listing of the resource the operation is about that at least proves
    the resources are readable."""
    model = resource_model(service)
    listing = model.listing_for(operation) if operation else None
    listing = listing or next((lst for lst in model.roots if lst.parent is None), None)
    if listing is not None:
        ident = listing.identifiers[0] if listing.identifiers else "@"
        return Plan(setup=[listing_step(listing, ident)], assertions=[f"{quote(ident)} must be present"])
    return Plan(
        setup=[f"the account setting read by {quote(service + '.' + operation)}"],
        assertions=[f"{quote(operation)} must be present"],
    )
