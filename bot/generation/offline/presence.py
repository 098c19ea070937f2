"""Requirements that something be configured at all: the per-resource call answers, or says it is absent."""

from __future__ import annotations

import re

from bot.generation.offline.joins import nouns
from bot.generation.offline.reading import words_of
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
MATCH_WEIGHT = 3.0  # the call's own name is the evidence: "logging configured" for GetLoggingConfiguration


def presence_candidates(service: str, operations: list[str], requirement: str, resource: str) -> list[Candidate]:
    """A candidate per call that has an error meaning "not configured" and whose name the requirement speaks
    of, asserting that its response is there (the error turns its absence into a FAIL, never an ERROR)."""
    if not _CONFIGURED.search(requirement):
        return []
    said = set(words_of(requirement)) - set(words_of(resource))
    found: list[Candidate] = []
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
