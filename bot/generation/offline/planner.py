"""The offline planner: a grounded plan from retrieval, the botocore model and security vocabulary."""

from __future__ import annotations

import re

from bot.generation.offline.assertions import assertion_for
from bot.generation.offline.joins import nouns
from bot.generation.offline.sources import Source, fallback, source_for
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField, retrieve
from bot.knowledge.vocabulary import category_tokens, synonyms, tokenize

CANDIDATES = 40
RETRIEVAL_WEIGHT = 2.0
OPERATION_WEIGHT = 1.0
UNRELATED_PENALTY = 0.3  # a field whose name shares no word with the request is a guess
RESOURCE_WEIGHT = 0.5  # the request names the resource: operations about it are preferred
_SETTING_WORDS = re.compile(r"\b(account|settings?|regions?)\b", re.IGNORECASE)
_ACCOUNT_WORDS = re.compile(r"\b(regions?|account|by default|default|automatically|any new)\b", re.IGNORECASE)


def plan_control(service: str, query: str, category: str | None, requirement: str, resource: str) -> Plan:
    """The best-grounded plan for the request, deterministic for the same input."""
    found = retrieve(service, query, category, k=CANDIDATES)
    top = found.fields[0].score if found.fields else 1.0
    top_op = found.operations[0].score if found.operations else 1.0
    op_scores = {o.name: OPERATION_WEIGHT * o.score / (top_op or 1.0) for o in found.operations}
    ranked: list[tuple[float, int, Plan]] = []
    words = tokenize(query) + category_tokens(category)
    terms = frozenset(words + synonyms(words))
    for rank, scored in enumerate(found.fields):
        candidate = _plan_for(service, scored, requirement, resource, top, rank, terms)
        if candidate:
            score, plan = candidate
            ranked.append((score + op_scores.get(scored.operation, 0.0), -rank, plan))
    if not ranked:
        return fallback(service, found.operations[0].name if found.operations else "")
    return max(ranked, key=lambda c: (c[0], c[1]))[2]


def _relevant(path: str, terms: frozenset[str]) -> bool:
    """Whether the field's name shares a word with the request (its text, vocabulary, synonyms); the parent
    counts, since a generic leaf (`Status`, `Enabled`) takes its meaning from it (`BackupPolicy.Status`)."""
    name = " ".join(path.replace("[]", "").split(".")[-2:])
    return bool(set(tokenize(name)) & terms)


def _plan_for(
    service: str, scored: ScoredField, requirement: str, resource: str, top: float, rank: int, terms: frozenset[str]
) -> tuple[float, Plan] | None:
    op = shapes.operation(service, scored.operation)
    source = source_for(service, op, scored.path, resource)
    if source is None or not scored.path.startswith(source.strip):
        return None
    rest = scored.path[len(source.strip) :].lstrip(".")
    if not rest:
        return None
    path = f"{source.prefix}{rest}" if source.prefix else rest
    assertion, confidence = assertion_for(path, scored, requirement, terms)
    if not _relevant(scored.path, terms):
        confidence -= UNRELATED_PENALTY
    fit = _resource_fit(scored.operation, resource) + _scope_fit(source, requirement, resource)
    nested = 0.1 if source.prefix and "[]" in rest else 0.0
    score = RETRIEVAL_WEIGHT * scored.score / (top or 1.0) + confidence + source.score + fit - nested - 0.01 * rank
    return score, Plan(setup=list(source.setup), filters=[], assertions=[assertion])


def _resource_fit(operation: str, resource: str) -> float:
    """How much of the operation's name is about the resource the request names."""
    op_nouns = nouns(operation)
    return RESOURCE_WEIGHT * len(op_nouns & nouns(resource)) / max(len(op_nouns), 1)


def _scope_fit(source: Source, requirement: str, resource: str) -> float:
    """Account settings fit requirements about regions, defaults, or a resource named as settings."""
    if not source.setup[0].startswith("the account setting"):
        return 0.0
    return 0.4 * bool(_ACCOUNT_WORDS.search(requirement)) + 0.4 * bool(_SETTING_WORDS.search(resource))
