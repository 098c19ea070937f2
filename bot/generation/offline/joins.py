"""A resource-model join as the language writes it: a listing step and an enrichment step."""

from __future__ import annotations

import json

from botocore.model import OperationModel

from bot.knowledge import shapes
from bot.knowledge.resources import Join, Listing
from bot.knowledge.vocabulary import split_words
from bot.language.join_check import companion_inputs
from bot.language.values import quote


def nouns(text: str) -> set[str]:
    return {_singular(w.lower()) for w in split_words(text)} - {"get", "describe", "list", "batch", "head"}


def _singular(word: str) -> str:
    """Repositories is repository, Policies policy; other plurals only lose their s."""
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word.rstrip("s")


def constants_clause(constants: tuple[tuple[str, object], ...] | list[tuple[str, str]]) -> str:
    return "".join(f" and {quote(name)} set to {json.dumps(value)}" for name, value in constants)


def listing_step(listing: Listing, identifier: str, items: str | None = None) -> str:
    """`the resources listed by ... identified by ...`, with the listing's required constants (wafv2 Scope)
    in the form `with "Scope" set to "REGIONAL"`."""
    step = f"the resources listed by {quote(listing.op_ref)} at {quote(items or listing.items)} identified by "
    step += quote(identifier)
    constants = listing.default_constants()
    if constants:
        step += " with" + constants_clause(constants)[len(" and") :]
    return step


def enrichment_step(service: str, op: OperationModel, join: Join, selectors: dict[str, str]) -> str:
    """`each resource is enriched by ... with "P" from "path"` (with the listing's
    companions of P: wafv2 Id beside Name), required constants (a selector named like the
    field asked for wins over the model's default) and, where a call answers nothing unless asked, "All"."""
    fed = list(join.params)
    constants = [(name, selectors.get(name, value)) for name, value in join.constants]
    constants += [(name, value) for name, value in selectors.items() if name not in dict(join.constants)]
    listed = dict(join.listing.default_constants())
    for name, kind, value in companion_inputs(op, {p for p, _ in fed}, join.listing.identifiers, listed):
        if kind == "path":
            fed.append((name, str(value)))
        elif name not in dict(constants):
            constants.append((name, value))
    params = " and ".join(f"{quote(param)} from {quote(path)}" for param, path in fed)
    return f"each resource is enriched by {quote(service + '.' + op.name)} with {params}" + (
        constants_clause(constants) + _all_attributes(op)
    )


def _all_attributes(op: OperationModel) -> str:
    """Some Get calls return nothing unless asked for attribute names (SQS): ask for all of them."""
    for name, member in shapes.input_members(op).items():
        if member.type_name == "list" and "All" in shapes.enum_of(member.member) and name.endswith("Names"):
            return f' and {quote(name)} set to ["All"]'
    return ""
