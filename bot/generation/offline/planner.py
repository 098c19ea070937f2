"""The offline planner: a grounded plan from retrieval, the botocore model and security vocabulary."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.generation.offline.alternatives import either, joined_by_or
from bot.generation.offline.assertions import assertion_for
from bot.generation.offline.certainty import certainty
from bot.generation.offline.conditions import (
    combined_conditions,
    conditional,
    covered_terms,
    named_verbatim,
    predicate_terms,
    resource_first,
)
from bot.generation.offline.feedback import read_feedback
from bot.generation.offline.joins import nouns
from bot.generation.offline.paths import (
    PAGING_FIELD,
    documented_values,
    enabled_elements,
    flagged_map,
    flattened,
    named_key,
    recency,
)
from bot.generation.offline.ports import exposure_candidate
from bot.generation.offline.presence import presence_candidates
from bot.generation.offline.reading import ANTONYMS, GENERIC_STEMS, field_words, mention, read
from bot.generation.offline.scope import Candidate, engine_filter, scope_filters
from bot.generation.offline.settings import ACCOUNT_RESOURCE, setting_candidates
from bot.generation.offline.sources import Source, fallback, source_for
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField, retrieve
from bot.knowledge.vocabulary import category_tokens, split_words, stem, synonyms, tokenize

CANDIDATES = 40
SAME_LEAF = 6  # one setting read by many calls (ViewerProtocolPolicy): the planner weighs every reading of it
RETRIEVAL_WEIGHT = 2.0
OPERATION_WEIGHT = 1.0
UNRELATED_PENALTY = 0.3  # a field whose name shares no word with the request is a guess
RESOURCE_WEIGHT = 0.5  # the request names the resource: operations about it are preferred
NESTED_PENALTY = 0.15  # an element of a list inside the resource: every element must hold, and there must be one
LISTING_WEIGHT = 0.6  # a listing of exactly the resource named gains half of it, of another resource loses half
SINGLE_CALL = 0.1  # the listing alone answers: fewer calls, fewer gaps in what an API (or moto) implements
PREDICATE_BONUS = 0.1  # the field is what the requirement asks of the resource
PHRASE_BONUS = 0.1  # the requirement says the field's (or its parent's) name of two words or more word for word
VERBATIM_BONUS = 0.5  # the requirement spells the field as the API does (MapPublicIpOnLaunch)
TAG_PENALTY = 1.0  # tags label a resource and configure nothing: a tag "Key" is no KMS key
SUBJECT_ONLY_PENALTY = 0.6  # the field only names which resources are meant: a filter, not the assertion
_CHOICE = re.compile(r"\b(or|either|at least one of|any of|one of)\b", re.IGNORECASE)
_TAG_WORDS = re.compile(r"\b(tag|tags|tagged|tagging|label|labels|labelled|labeled)\b", re.IGNORECASE)
_ACCOUNT_WORDS = re.compile(r"\b(regions?|account|by default|default|automatically|any new)\b", re.IGNORECASE)


def plan_control(
    service: str, query: str, category: str | None, requirement: str, resource: str, feedback: str | None = None
) -> Plan:
    """The best-grounded plan for the request, deterministic for the same input; it carries its confidence
    and the reasons for it."""
    found = retrieve(service, f"{query}\n{feedback}" if feedback else query, category, CANDIDATES, SAME_LEAF)
    said = read_feedback(service, feedback, found.fields)
    note = said.note(service, found.fields[0] if found.fields else None)
    if said.used:
        requirement = f"{said.text.strip()}\n{requirement}"  # its words on polarity and values come first
    top = found.fields[0].score if found.fields else 1.0
    top_op = found.operations[0].score if found.operations else 1.0
    op_scores = {o.name: OPERATION_WEIGHT * o.score / (top_op or 1.0) for o in found.operations}
    ranked: list[Candidate] = []
    words = tokenize(query) + category_tokens(category)
    terms = frozenset(words + synonyms(words))
    for rank, scored in enumerate(found.fields):
        candidate = _plan_for(service, scored, requirement, resource, top, rank, terms)
        if candidate:
            bonus = op_scores.get(scored.operation, 0.0) + said.boost(scored)
            ranked.append(replace(candidate, score=candidate.score + bonus))
    for candidate in presence_candidates(service, [o.name for o in found.operations[:10]], requirement, resource):
        bonus = op_scores.get(candidate.scored.operation, 0.0) + _resource_fit(candidate.scored.operation, resource)
        ranked.append(replace(candidate, score=candidate.score + bonus))
    for candidate in setting_candidates(
        service, [o.name for o in found.operations], requirement, resource, RETRIEVAL_WEIGHT, len(found.fields)
    ):
        bonus = _resource_fit(candidate.scored.operation, resource) + _listing_fit(candidate.plan.setup[0], resource)
        ranked.append(replace(candidate, score=candidate.score + bonus))
    if not ranked:
        listing = fallback(service, found.operations[0].name if found.operations else "")
        plan = listing.model_copy(update={"assertions": [f"manual: {_first_sentence(requirement)}"]})
        reasons = ["no response field of the service matched the requirement: a reviewer checks it by hand"]
        return plan.model_copy(
            update={
                "confidence": 0.0,
                "reasons": _noted(reasons, note),
            }
        )
    best = max(ranked, key=lambda c: (c.score, -c.rank))
    best = exposure_candidate(best, ranked, requirement) or best
    best, children = resource_first(best, ranked, requirement)
    best, only_where = conditional(service, best, requirement)
    filters = scope_filters(best, ranked, requirement, resource, service) + only_where
    filters += [engine] if (engine := engine_filter(best, requirement)) else []
    chosen = combined_conditions(best, ranked, requirement, resource) + ([children] if children else [])
    confidence, reasons = certainty(best, ranked, chosen, requirement, resource)
    update = {"filters": filters, "assertions": _assertions(chosen, requirement, resource)}
    return (children or best).plan.model_copy(
        update={
            **update,
            "confidence": confidence,
            "reasons": _noted(reasons, note),
        }
    )


def _first_sentence(text: str) -> str:
    sentence = " ".join(text.split()).split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= 200 else sentence[:197].rstrip() + "..."


def _vacuous(plan: Plan, path: str, assertion: str) -> bool:
    """`"<id>" must be present` (or not empty) on the listing's own identifier holds for every listed resource."""
    identifier = re.search(r'identified by "((?:[^"\\]|\\.)*)"', plan.setup[0])
    presence = assertion.endswith(("must be present", "must not be empty"))
    return presence and identifier is not None and identifier[1] == path


def _assertions(chosen: list[Candidate], requirement: str, resource: str) -> list[str]:
    """One step per condition; the first two as one expression when the requirement offers them with "or"."""
    if len(chosen) >= 2:
        wanted = predicate_terms(requirement, resource)
        first, second = (covered_terms(c, wanted, values=True) for c in chosen[:2])
        if joined_by_or(requirement, first, second) or _parallel_alternatives(chosen[0], chosen[1], requirement):
            step = either(list(chosen[0].plan.assertions), list(chosen[1].plan.assertions))
            if step is not None:
                return [step, *(a for c in chosen[2:] for a in c.plan.assertions)]
    return [a for c in chosen for a in c.plan.assertions]


def _parallel_alternatives(one: Candidate, other: Candidate, requirement: str) -> bool:
    """ "a revocation list or OCSP enabled": the same setting of two siblings (CrlConfiguration.Enabled,
    OcspConfiguration.Enabled) asked the same way, where the requirement offers a choice."""
    if not _CHOICE.search(read(requirement).predicate_text):
        return False
    (mine, theirs) = (c.path.rpartition(".") for c in (one, other))
    same_ask = [a.partition('" must ')[2] for a in one.plan.assertions] == [
        a.partition('" must ')[2] for a in other.plan.assertions
    ]
    return bool(mine[0]) and mine[2] == theirs[2] and mine[0] != theirs[0] and same_ask


def _noted(reasons: list[str], note: str) -> list[str]:
    return [*reasons, note] if note else reasons


def _relevant(path: str, terms: frozenset[str]) -> bool:
    """Whether the field's name shares a word with the request (its text, vocabulary, synonyms); the parent
    counts, since a generic leaf (`Status`, `Enabled`) takes its meaning from it (`BackupPolicy.Status`)."""
    name = " ".join(path.replace("[]", "").split(".")[-2:])
    return bool(set(tokenize(name)) & terms)


def _plan_for(
    service: str, scored: ScoredField, requirement: str, resource: str, top: float, rank: int, terms: frozenset[str]
) -> Candidate | None:
    if PAGING_FIELD.search(scored.path.rsplit(".", 1)[-1]):
        return None
    op = shapes.operation(service, scored.operation)
    source = source_for(service, op, scored.path, resource)
    if source is None or not scored.path.startswith(source.strip):
        return None
    rest = scored.path[len(source.strip) :].lstrip(".")
    if not rest:
        return None
    path = f"{source.prefix}{rest}" if source.prefix else rest
    path = enabled_elements(op, scored.path, path)
    scored, path = flagged_map(op, scored, path)
    scored = documented_values(op, scored)
    path = flattened(named_key(op, scored.path, path, requirement))
    assertion, confidence = assertion_for(path, scored, requirement, terms, resource)
    if not _relevant(scored.path, terms):
        confidence -= UNRELATED_PENALTY
    fit = _resource_fit(scored.operation, resource) + _scope_fit(source, requirement, resource)
    fit += _listing_fit(source.setup[0], resource) + (SINGLE_CALL if len(source.setup) == 1 else 0.0)
    nested = NESTED_PENALTY if "[]" in rest else 0.0
    score = RETRIEVAL_WEIGHT * scored.score / (top or 1.0) + confidence + source.score + fit - nested - 0.01 * rank
    score += _predicate_fit(scored.path, requirement, scored.enum) - recency(op, scored.path)
    score += _phrase_fit(scored.path, requirement) + VERBATIM_BONUS * named_verbatim(scored.path, requirement)
    score -= TAG_PENALTY * (_is_tagging(scored.operation, scored.path) and not _TAG_WORDS.search(requirement))
    plan = Plan(setup=list(source.setup), filters=[], assertions=assertion.splitlines())
    if _vacuous(plan, path, assertion):
        return None
    return Candidate(score, rank, plan, path, scored, confidence)


def _is_tagging(operation: str, path: str) -> bool:
    """A tagging call (ListTagsForResource) or a field of a resource's tags."""
    own = {w.lower() for w in split_words(operation)}
    return bool(own & {"tag", "tags"}) or any(
        p.rstrip("[]").lower() in ("tags", "taglist", "tagset") for p in path.split(".")
    )


def _predicate_fit(path: str, requirement: str, enum: tuple[str, ...] = ()) -> float:
    """A field named by what the requirement demands (after its modal verb) beats one whose value the subject
    uses to say which resources it means ("Customer managed keys must be single-Region": MultiRegion, not
    KeyManager); a subject that is no such qualifier ("Viewers must never …") costs nothing."""
    reading = read(requirement)
    own = {w for w in field_words(path) if w not in GENERIC_STEMS}
    if not own or not reading.subject:
        return 0.0
    in_predicate = bool(own & reading.predicate) or any(ANTONYMS.get(w) in own for w in reading.predicate)
    if in_predicate:
        return PREDICATE_BONUS
    qualifier = any(mention(value, reading.subject_text) == 1 for value in enum)
    return -SUBJECT_ONLY_PENALTY if own & reading.subject and qualifier else 0.0


def _phrase_fit(path: str, requirement: str) -> float:
    """ "send access logs" names AccessLogSettings outright, while RouteSettings.LoggingLevel only shares a word."""
    said = f" {' '.join(_stems(requirement))} "
    for part in path.split(".")[-2:]:
        own = [w for w in _stems(part) if w not in GENERIC_STEMS and not part.endswith("[]")]  # a list: the resources
        if len(own) >= 2 and f" {' '.join(own)} " in said:
            return PHRASE_BONUS
    return 0.0


def _stems(text: str) -> list[str]:
    return [stem(w.lower()) for token in re.findall(r"[A-Za-z0-9]+", text) for w in split_words(token)]


def _resource_fit(operation: str, resource: str) -> float:
    """How much of the operation's name is about the resource the request names."""
    op_nouns = nouns(operation)
    return RESOURCE_WEIGHT * _shared(op_nouns, nouns(resource)) / max(len(op_nouns), 1)


def _listing_fit(setup: str, resource: str) -> float:
    """The listed resource is the one the request names (DescribeDBInstances for "RDS DB instance", not
    DescribeDBEngineVersions; ListWorkGroups for "Athena workgroup", not ListQueryExecutions)."""
    listed = re.match(r'the resources listed by "[a-z0-9-]+\.([A-Za-z0-9]+)"', setup)
    wanted = nouns(resource)
    if listed is None or not wanted:
        return 0.0
    own = nouns(listed[1])
    return LISTING_WEIGHT * (_shared(own, wanted) / max(len(own), 1) - 0.5)


def _shared(own: set[str], wanted: set[str]) -> int:
    """Nouns in common, a compound counting for both its parts ("workgroup" for Work, Group)."""
    joined = {a + b for a in own for b in own if a != b}
    return len(own & wanted) + 2 * len(joined & wanted)


def _scope_fit(source: Source, requirement: str, resource: str) -> float:
    """Account settings fit requirements about regions, defaults, or a resource named as settings."""
    if not source.setup[0].startswith("the account setting"):
        return 0.0
    return 0.4 * bool(_ACCOUNT_WORDS.search(requirement)) + 0.4 * bool(ACCOUNT_RESOURCE.search(resource))
