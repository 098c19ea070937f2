"""A warning for an enrichment fed a field that does not identify the resource the call takes (EKS case)."""

from __future__ import annotations

from bot.knowledge import shapes
from bot.knowledge.resource_types import GENERIC_WORDS, ID_WORDS, noun_of, words_of
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
