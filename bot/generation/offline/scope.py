"""Which resources a requirement is about: filters from the enum values its subject names or it excludes."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass

from botocore.model import Shape

from bot.generation.offline.qualifiers import qualifies_resource
from bot.generation.offline.reading import (
    EXCLUSION,
    GENERIC_STEMS,
    field_words,
    mention,
    read,
    value_words,
    words_of,
)
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField
from bot.knowledge.vocabulary import STOPWORDS
from bot.language.grammar import parse_step
from bot.language.values import quote

MAX_FILTERS = 2
_KIND_FIELD = re.compile(r"(Type|Kind|Engine|Scheme)$")
_IDENTIFIED = re.compile(r' identified by "(?:[^"\\]|\\.)*"')
_VENDOR = {"aws", "amazon"}


@dataclass(frozen=True)
class Candidate:
    """One field the control could assert on, with the plan that would do it and how well it fits."""

    score: float
    rank: int
    plan: Plan
    path: str  # the field's path in the resource document
    scored: ScoredField
    confidence: float = 0.0  # how sure the assertion's polarity and value are


def scope_filters(
    best: Candidate, candidates: list[Candidate], requirement: str, resource: str, service: str
) -> list[str]:
    """`only resources where` steps for enum fields of the same document whose values the requirement uses to
    say which resources it means: "Application load balancers must …" → Type is "application";
    "imported certificates are excluded" → Type is not "IMPORTED". A value the service's own name uses
    ("Elastic File System": ThroughputMode "elastic") names the service, not a kind of its resources."""
    subject = read(requirement).subject_text
    named_resource = set(words_of(f"{resource} {best.scored.operation}")) - _VENDOR
    named_service = set(words_of(shapes.service_model(service).metadata.get("serviceFullName", service)))
    named = named_resource | named_service | _VENDOR
    excluded = [c for c in re.split(r"(?<=[.;])\s+", requirement) if EXCLUSION.search(c)]
    filters: list[str] = []
    seen = {best.path}
    for candidate in sorted(candidates, key=lambda c: c.rank):
        scored = candidate.scored
        same_document = calls(candidate.plan.setup) == calls(best.plan.setup)[: len(candidate.plan.setup)]
        if candidate.path in seen or not same_document or "[]" in candidate.path:
            continue
        seen.add(candidate.path)
        if scored.type_name == "boolean" and excluded and _excludes(candidate.path, excluded):
            filters.append(f"only resources where {quote(candidate.path)} is not true")
            continue
        if not _single_enum(candidate):
            continue
        values = tuple(v for v in scored.enum if not set(words_of(v.replace("_", " "))) <= named)
        step = _filter_for(candidate.path, values, scored.enum, subject, excluded, named_resource)
        step = step or _kind_named(candidate.path, scored.enum, resource)
        if step:
            filters.append(step)
        if len(filters) == MAX_FILTERS:
            break
    return filters


def _excludes(path: str, clauses: list[str]) -> bool:
    """An exclusion clause speaks of the flag ("private zones are out of scope": PrivateZone)."""
    own = {w for w in field_words(path) if w not in GENERIC_STEMS}
    return bool(own) and any(own <= set(words_of(clause)) for clause in clauses)


def _single_enum(candidate: Candidate) -> bool:
    return bool(candidate.scored.enum) and candidate.scored.type_name == "string" and "[]" not in candidate.path


def calls(setup: list[str]) -> list[str]:
    """The setup steps without the listing's identifier: the same calls make the same document."""
    return [_IDENTIFIED.sub("", step) for step in setup]


def _filter_for(
    path: str,
    enum: tuple[str, ...],
    every: tuple[str, ...],
    subject: str,
    excluded: list[str],
    resource_words: set[str],
) -> str | None:
    for clause in excluded:
        named = [v for v in enum if mention(v, clause) != 0]
        if len(named) == 1:
            return f"only resources where {quote(path)} is not {json.dumps(named[0])}"
        if named and len(named) < len(every) - 1:
            kept = [v for v in every if v not in named]
            return f"only resources where {quote(path)} is one of {json.dumps(kept)}"
    named = [v for v in enum if qualifies_resource(v, subject, resource_words)]
    if len(named) == 1 and len(every) > 1:
        return f"only resources where {quote(path)} is {json.dumps(named[0])}"
    if 1 < len(named) < len(every):
        return f"only resources where {quote(path)} is one of {json.dumps(named)}"
    return None


def _kind_named(path: str, enum: tuple[str, ...], resource: str) -> str | None:
    """The resource's own name says which kind it is ("Application Load Balancer": Type is "application")."""
    if not _KIND_FIELD.search(path.rsplit(".", 1)[-1]):
        return None
    split = words_of(resource)
    words = set(split) | {a + b for a, b in itertools.pairwise(split)}  # "WebSocket" for WEBSOCKET
    named = [v for v in enum if set(value_words(v)) and set(value_words(v)) <= words]
    return f"only resources where {quote(path)} is {json.dumps(named[0])}" if len(named) == 1 else None


def listed_members(setup: str) -> dict[str, Shape]:
    """The members of the items a listing step lists, or nothing when the step is no listing."""
    step = parse_step(setup)
    if step is None or step.kind != "list":
        return {}
    try:
        root = shapes.output_root(shapes.operation(step.service, step.operation))
        item = shapes.resolve(root, f"{step.items_path}[]").leaf
    except shapes.PathError:
        return {}
    return dict(getattr(item, "members", None) or {})


def engine_filter(best: Candidate, requirement: str) -> str | None:
    """ "For the postgres engine": the listed item's `Engine` (a free string in RDS, DocumentDB, ElastiCache)
    is compared with the engine the requirement names, written as the APIs write it (lower case)."""
    named = next((m for m in _ENGINE.finditer(requirement) if not _determiners(m[1])), None)
    if named is None:
        return None
    members = listed_members(best.plan.setup[0])
    field = next((m for m in ("Engine", "engine") if m in members and members[m].type_name == "string"), None)
    documented = _documented_engines(best.plan.setup[0])
    engines = [_as_written(e.lower(), documented) for e in _ENGINE_LIST.split(named[1]) if e]
    if field is None:
        return None
    if len(engines) == 1:
        return f"only resources where {quote(field)} is {json.dumps(engines[0])}"
    return f"only resources where {quote(field)} is one of {json.dumps(engines)}"


_NAME = r"[A-Za-z][\w.-]*"
_ENGINE = re.compile(
    rf"\b(?:for|on|of|with|using|running)\s+(?:the\s+)?({_NAME}(?:(?:,\s*|,?\s+(?:and|or)\s+){_NAME}){{0,3}})"
    r"\s+(?:database\s+)?engines?\b",
    re.I,
)
_ENGINE_LIST = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def _determiners(names: str) -> bool:
    """ "running other engines", "for all engines": words that say which engines without naming one."""
    return all(name.lower() in STOPWORDS | {"different", "remaining"} for name in _ENGINE_LIST.split(names) if name)


def _documented_engines(setup: str) -> tuple[str, ...]:
    """The engine names the service's docs spell out for an `Engine` input (RDS: postgres, mysql, …)."""
    step = parse_step(setup)
    if step is None:
        return ()
    model = shapes.service_model(step.service)
    found: set[str] = set()
    for name in model.operation_names:
        members = shapes.input_members(model.operation_model(name))
        engine = members.get("Engine") or members.get("engine")
        found.update(re.findall(r"<code>([a-z0-9-]+)</code>", (engine.documentation if engine else "") or ""))
    return tuple(sorted(found))


def _as_written(named: str, documented: tuple[str, ...]) -> str:
    """The engine as the API writes it: "PostgreSQL" is `postgres` where the docs name no `postgresql`."""
    if named in documented:
        return named
    shorter = [value for value in documented if named.startswith(value)]
    return max(shorter, key=len) if shorter else named
