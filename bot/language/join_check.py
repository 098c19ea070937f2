"""A warning for an enrichment fed a field that does not identify the resource the call takes (EKS case)."""

from __future__ import annotations

from bot.knowledge import shapes
from bot.knowledge.resources import Join, Listing, resource_model
from bot.language.grammar import Step
from bot.language.problems import Report


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
    for name, kind, value in enrich.params:
        if kind != "path" or not isinstance(value, str) or "." in value or "[" in value:
            continue
        problem = _mismatch(listing, value, model.target_of(enrich.operation, name))
        if problem:
            report.warn(line, f'"{enrich.op_ref}" parameter "{name}" is fed {problem}{_instead(joins, name)}')


def _mismatch(listing: Listing, field: str, target: frozenset[str]) -> str:
    listed = " ".join(sorted(listing.noun)) or "items"
    if field != "@" and field not in listing.identifiers:
        return f'"{field}", which does not identify what "{listing.op_ref}" lists ({listed})'
    if target and not target & listing.noun:
        wanted = " ".join(sorted(target))
        return f'"{field}" of what "{listing.op_ref}" lists ({listed}), but it takes the identifier of a {wanted}'
    return ""


def _instead(joins: tuple[Join, ...], name: str) -> str:
    best = joins[0] if joins else None
    if best is None:
        return ""
    field = dict(best.params).get(name)
    if field is None:
        return ""
    return f'; list with "{best.listing.op_ref}" at "{best.listing.items}" and feed it "{field}"'
