"""Requirements that something be configured at all: the per-resource call answers, or says it is absent."""

from __future__ import annotations

import re

from bot.generation.offline.assertions import absent_step
from bot.generation.offline.joins import nouns
from bot.generation.offline.reading import concept_wanted, words_of
from bot.generation.offline.scope import Candidate
from bot.generation.offline.sources import source_for
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.resources import not_configured_errors
from bot.knowledge.retrieval import ScoredField
from bot.language.values import quote

_CONFIGURED = re.compile(
    r"\b(configured|configuration|set up|have an?|has an?|exists?|enabled|attached|in place)\b", re.I
)
PRESENCE_CONFIDENCE = 0.5
_HAVE = re.compile(r"\b(?:have|has|contain|include|carry|without|no)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
_PAGING = re.compile(r"Token|Marker|IsTruncated")
MATCH_WEIGHT = 3.0  # the call's own name is the evidence: "logging configured" for GetLoggingConfiguration


def presence_candidates(service: str, operations: list[str], requirement: str, resource: str) -> list[Candidate]:
    """A candidate per call that has an error meaning "not configured" and whose name the requirement speaks
    of, asserting that its response is there (the error turns its absence into a FAIL, never an ERROR)."""
    said = set(words_of(requirement)) - set(words_of(resource))
    found: list[Candidate] = [c for op in operations if (c := _child_list(service, op, requirement, resource, said))]
    if not _CONFIGURED.search(requirement):
        return found
    for operation in operations:
        if not operation.startswith("Get") or not not_configured_errors(service, operation):
            continue
        own = nouns(operation) - nouns(resource) - {"configuration", "config"}
        match = len({w for w in own if set(words_of(w)) & said}) / max(len(own), 1)
        op = shapes.operation(service, operation)
        members = list(op.output_shape.members) if op.output_shape is not None else []
        if match < 1.0 or len(members) != 1:
            continue
        source = source_for(service, op, members[0], resource)
        if source is None or not source.prefix:
            continue
        path = f"{source.prefix}{members[0]}"
        plan = Plan(setup=list(source.setup), filters=[], assertions=[f"{quote(path)} must be present"])
        scored = ScoredField(operation, members[0], 0.0, "structure", ())
        score = MATCH_WEIGHT * match + PRESENCE_CONFIDENCE + source.score
        found.append(Candidate(score, 1000 + len(found), plan, path, scored, PRESENCE_CONFIDENCE))
    return found


def _child_list(service: str, operation: str, requirement: str, resource: str, said: set[str]) -> Candidate | None:
    """A per-resource listing of one kind of child ("Users must not have inline policies": ListUserPolicies
    of each user) whose name the requirement speaks of: the list must be empty, or must not be."""
    op = shapes.operation(service, operation)
    required = [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS]
    members = [m for m in (op.output_shape.members if op.output_shape is not None else {}) if not _PAGING.search(m)]
    if not operation.startswith("List") or not required or len(members) != 1:
        return None
    if op.output_shape.members[members[0]].type_name != "list":
        return None
    own, parent = set(words_of(operation)) - {"list"}, set(words_of(resource))
    children = own - parent
    if not children or not own & parent or not own <= said | parent or not _having(requirement, children):
        return None
    source = source_for(service, op, members[0], resource)
    if source is None or not source.prefix:
        return None
    path = f"{source.prefix}{members[0]}"
    wanted = concept_wanted(requirement, members[0])
    empty = absent_step(path, "list")
    step = empty if wanted is False else f"{quote(path)} must not be empty"
    plan = Plan(setup=list(source.setup), filters=[], assertions=[step])
    scored = ScoredField(operation, members[0], 0.0, "list", ())
    return Candidate(MATCH_WEIGHT + PRESENCE_CONFIDENCE + source.score, 2000, plan, path, scored, PRESENCE_CONFIDENCE)


def _having(requirement: str, children: set[str]) -> bool:
    """The requirement says the resource has (or has no) such children: "must not have inline policies"."""
    return any(set(words_of(match[1])) & children for match in _HAVE.finditer(requirement))
