"""Joins the offline planner can make: listings with no input, and which item field feeds a call's parameter."""

from __future__ import annotations

import re

from botocore.model import OperationModel, Shape

from bot.knowledge import shapes
from bot.knowledge.operation_policy import operation_refusal
from bot.knowledge.vocabulary import split_words

_GENERIC_IDS = ("Identifier", "Name", "Id", "Arn", "Url", "ARN", "URL")
_ID_SUFFIXES = ("identifier", "name", "id", "arn", "url")


def nouns(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in split_words(text)} - {"get", "describe", "list", "batch", "head"}


def parent_scope(service: str, op: OperationModel) -> str | None:
    """An optional input that scopes a listing to one parent (IAM ListAccessKeys' UserName, ELBv2
    DescribeListeners' LoadBalancerArn): without it the call answers for the caller only, or fails, so the
    parent resources are listed first."""
    if not op.name.startswith(("List", "Describe")) or op.input_shape is None:
        return None
    for name in op.input_shape.members:
        if not name.endswith(("Name", "Id", "Arn")) or name in shapes.PAGING_PARAMS:
            continue
        noun = nouns(name) - {"name", "id", "arn"}
        for listing, items, item in listings(service):
            if listing != op.name and noun and nouns(listing) == noun and supply(name, items, item) == (1.0, name):
                return str(name)
    return None


def parent_fit(listing: str, required: list[str]) -> float:
    """A listing named like the identifier asked for (FileSystemId: DescribeFileSystems) lists the parent."""
    wanted = set().union(*(nouns(p) - {"id", "name", "arn", "identifier"} for p in required))
    return _overlap_sets(nouns(re.sub(r"^(List|Describe)", "", listing)), wanted)


def _overlap_sets(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def listings(service: str) -> list[tuple[str, str, Shape]]:
    """Read operations that need no input and answer with a top-level list: (name, items path, item shape)."""
    model = shapes.service_model(service)
    found = []
    for name in model.operation_names:
        if not name.startswith(("List", "Describe")) or operation_refusal(service, name) is not None:
            continue
        op = model.operation_model(name)
        if [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS] or op.output_shape is None:
            continue
        for member_name, member in op.output_shape.members.items():
            if member.type_name == "list":
                found.append((name, member_name, member.member))
                found.extend(
                    (name, f"{member_name}[].{inner_name}[]", inner.member)
                    for inner_name, inner in getattr(member.member, "members", {}).items()
                    if inner.type_name == "list" and inner.member.type_name == "structure"
                )
    return found


def supply(param: str, items: str, item: Shape) -> tuple[float, str] | None:
    """Where a list item holds the value of `param`, with a confidence."""
    if item.type_name == "string":
        words = {w.lower() for w in split_words(items)}
        param_words = {w.lower().rstrip("s") for w in split_words(param)} - {"id", "name", "arn", "url"}
        if param_words and param_words <= {w.rstrip("s") for w in words} | words:
            return 1.0, "@"
        # BatchGet calls take a plain list of names (CodeBuild's `names`): the runner wraps one name
        return (0.5, "@") if param.lower().rstrip("s") in ("name", "arn", "id", "resourcearn") else None
    if item.type_name != "structure":
        return None
    members = list(item.members)
    for member in members:
        if member.lower() == param.lower():
            return 1.0, member
    for suffix in _GENERIC_IDS:
        if param.endswith(suffix) and suffix in members:
            return 0.7, suffix
    if not param.endswith(_GENERIC_IDS) and "Name" in members and nouns(param) & nouns(items):
        return 0.6, "Name"
    return None


def name_overlap(listing: str, operation: str) -> float:
    a = {w.lower().rstrip("s") for w in split_words(re.sub(r"^(List|Describe)", "", listing))}
    b = {w.lower().rstrip("s") for w in split_words(re.sub(r"^(Get|Describe|List|BatchGet|Head)", "", operation))}
    return len(a & b) / max(len(a), 1)


def id_member(item: Shape, operation: str) -> str:
    """The member that names a listed resource: about the operation's resource, a name or id before an ARN."""
    members = list(item.members)
    op_nouns = nouns(operation)

    def suffix(member: str) -> str:
        words = split_words(member)
        last = words[-1].lower() if words else ""
        return last if last in _ID_SUFFIXES else ""

    ranked = sorted(
        (m for m in members if suffix(m) and item.members[m].type_name == "string"),
        key=lambda m: (-len(nouns(m) & op_nouns), suffix(m) not in ("identifier", "name", "id"), len(m)),
    )
    return ranked[0] if ranked else (members[0] if members else "@")
