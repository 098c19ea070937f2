"""Warnings for an enrichment fed a field that does not identify its resource, or fed only part of it."""

from __future__ import annotations

import json
import re

from botocore.model import OperationModel

from bot.knowledge import shapes
from bot.knowledge.resource_types import GENERIC_WORDS, ID_WORDS, noun_of, words_of
from bot.knowledge.resources import Join, Listing, resource_model
from bot.language.grammar import Step
from bot.language.params import Param
from bot.language.problems import Report
from bot.language.values import quote


def check_join(listing_step: Step, enrich: Step, line: int, report: Report) -> None:
    """Warn, once per parameter, where the listed item's field is not an identifier of the resource the
    parameter names; say which listing and field the resource model would use instead."""
    if listing_step.kind != "list" or listing_step.service != enrich.service:
        return
    try:
        model = resource_model(enrich.service)
        listing = model.listing(listing_step.operation)
        joins = model.joins(enrich.operation)
    except shapes.PathError:
        return  # unknown names are reported as errors elsewhere
    if listing is None or listing.items != listing_step.items_path:
        return
    fed = [
        (n, v)
        for n, kind, v in enrich.params
        if kind == "path" and isinstance(v, str) and "." not in v and "[" not in v
    ]
    problems = [(n, _mismatch(listing, v, model.target_of(enrich.operation, n), enrich.operation)) for n, v in fed]
    if any(not problem for _, problem in problems):
        return  # one parameter identifies the resource; the others qualify it (EnvironmentName + ApplicationName)
    for name, problem in problems:
        report.warn(line, f'"{enrich.op_ref}" parameter "{name}" is fed {problem}{_instead(joins, name)}')


def _mismatch(listing: Listing, field: str, target: frozenset[str], operation: str) -> str:
    listed = " ".join(sorted(listing.noun)) or "items"
    if field != "@" and _refers_to(field, operation):
        return ""
    if field != "@" and field not in listing.identifiers:
        return f'"{field}", which does not identify what "{listing.op_ref}" lists ({listed})'
    if target and not target & listing.noun:
        wanted = " ".join(sorted(target))
        return f'"{field}" of what "{listing.op_ref}" lists ({listed}), but it takes the identifier of a {wanted}'
    return ""


def _refers_to(field: str, operation: str) -> bool:
    """A field of the item naming the resource the call is about: the item refers to it (an environment's
    PlatformArn for DescribePlatformVersion, a policy's DefaultVersionId for GetPolicyVersion)."""
    own = words_of(field) - ID_WORDS - GENERIC_WORDS
    return bool(own) and bool(own & noun_of(operation))


def _instead(joins: tuple[Join, ...], name: str) -> str:
    best = joins[0] if joins else None
    if best is None:
        return ""
    field = dict(best.params).get(name)
    if field is None:
        return ""
    return f'; list with "{best.listing.op_ref}" at "{best.listing.items}" and feed it "{field}"'


def companion_inputs(
    op: OperationModel, given: set[str], identifiers: tuple[str, ...], constants: dict[str, object]
) -> list[Param]:
    """Inputs of a per-resource call that requires none (so the model does not say which it needs) that the
    listing holds under the same name: its constants and the item's other identifiers (wafv2 GetWebACL takes
    Name, Id and Scope together). An ARN input is an alternative to the others, never a companion."""
    if not given or [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS]:
        return []
    members = shapes.input_members(op)
    if any(_ALTERNATIVE.search(members[name].documentation or "") for name in given if name in members):
        return []
    found: list[Param] = []
    for name, member in members.items():
        if name in given or _ARN.search(name) or _ALTERNATIVE.search(member.documentation or ""):
            continue
        if name in constants:
            found.append((name, "value", constants[name]))
        elif name in identifiers:
            found.append((name, "path", name))
    return found


def check_companions(listing_step: Step, enrich: Step, line: int, report: Report) -> None:
    """Warn where an enrichment fed from the item leaves out inputs the listing has under the same name."""
    if listing_step.kind != "list" or listing_step.service != enrich.service:
        return
    try:
        listing = resource_model(enrich.service).listing(listing_step.operation)
        op = shapes.operation(enrich.service, enrich.operation)
    except shapes.PathError:
        return
    identifiers = listing.identifiers if listing is not None and listing.items == listing_step.items_path else ()
    fed = {name for name, kind, _ in enrich.params if kind == "path"}
    constants = {name: value for name, _, value in listing_step.params}
    missing = companion_inputs(op, fed, identifiers, constants)
    missing = [m for m in missing if m[0] not in {name for name, _, _ in enrich.params}]
    if missing:
        names = ", ".join(f'"{name}"' for name, _, _ in missing)
        report.warn(
            line,
            f'"{enrich.op_ref}" also takes {names}, which the listing has: without them the call may not find '
            f"the resource; add {_clause(missing)}",
        )


def _clause(params: list[Param]) -> str:
    return " and ".join(
        f"{quote(name)} from {quote(str(value))}" if kind == "path" else f"{quote(name)} set to {json.dumps(value)}"
        for name, kind, value in params
    )


# Input docs that offer identifiers as alternatives ("specify either the ID or the name, but not both").
_ALTERNATIVE = re.compile(r"\beither\b|\bnot both\b|\b(?:ARN|name|ID) or the\b", re.IGNORECASE)
_ARN = re.compile(r"(?:^|[a-z])(?:ARN|Arn)$|^arn$")
