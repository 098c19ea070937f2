"""Requirements with several conditions: one assertion per condition, or one expression for "either … or"."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.generation.offline.reading import GENERIC_STEMS, field_words, read, words_of
from bot.generation.offline.scope import Candidate, calls
from bot.knowledge import shapes
from bot.knowledge.vocabulary import STOPWORDS, stem
from bot.language.values import quote

MAX_ASSERTIONS = 3
SCORE_MARGIN = 0.6  # a second condition's field may rank this far below the best one
MIN_CONFIDENCE = 0.45  # a second assertion is added only when its value is not a guess
_VAGUE_WORDS = (
    {"be", "on", "have", "ha", "enabl", "disabl", "use", "set", "every", "each", "all", "turn", "access", "data",
     "resource", "key", "control", "config", "service", "default", "api", "name", "id", "type", "allow", "only"}
)  # fmt: skip
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*_`])|;\s+")  # later sentences say why, or what is out of scope
_HUMP = re.compile(r"[a-z0-9][A-Z]")
_KEYISH = frozenset({"km", "kms", "key", "id", "arn", "name"})
_VAGUE = frozenset(stem(w) for w in _VAGUE_WORDS) | _VAGUE_WORDS


def combined_conditions(
    best: Candidate, candidates: list[Candidate], requirement: str, resource: str
) -> list[Candidate]:
    """The best assertion, plus the assertions of fields of the same document that cover words of the
    requirement's predicate the others leave uncovered ("general and audit logs", "protocol … and a policy")."""
    chosen = [best]
    wanted = predicate_terms(_FIRST_SENTENCE.split(requirement.strip(), maxsplit=1)[0], resource)
    covered = covered_terms(best, wanted)
    verbatim = any(named_verbatim(c.path, requirement) for c in [best, *candidates])
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.rank)):
        if len(chosen) == MAX_ASSERTIONS:
            break
        if verbatim and not named_verbatim(candidate.path, requirement):  # it names its fields: no others
            continue
        if candidate.score < best.score - SCORE_MARGIN or candidate.confidence < max(
            min(MIN_CONFIDENCE, best.confidence), 0.3
        ):
            continue
        if candidate.plan.setup != best.plan.setup or any(c.path == candidate.path for c in chosen):
            continue
        if "[]" in candidate.path and "[]" not in best.path:  # an element of a nested list: rarely a condition
            continue
        new = covered_terms(candidate, wanted) - covered
        if new:
            chosen.append(candidate)
            covered |= new
    return chosen


def named_verbatim(path: str, requirement: str) -> bool:
    """The requirement spells the field as the API does: `MapPublicIpOnLaunch`, `logsConfig.s3Logs.status`."""
    parts = [p for p in path.replace("[]", "").split(".") if p]
    if not parts:
        return False
    name = parts[-1] if _HUMP.search(parts[-1]) or len(parts) == 1 else ".".join(parts[-2:])
    return _HUMP.search(name) is not None and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", requirement) is not None


def predicate_terms(requirement: str, resource: str) -> frozenset[str]:
    reading = read(requirement)
    noise = set(words_of(resource)) | _VAGUE | STOPWORDS
    return frozenset(w for w in reading.predicate if w not in noise and len(w) > 1 and not w.isdigit())


def covered_terms(candidate: Candidate, wanted: frozenset[str], values: bool = False) -> frozenset[str]:
    """The predicate words the candidate's field name speaks of, and with `values` its asserted values (a
    value alone is too weak a sign to add a condition: "the service provides" must not add `"Service"`)."""
    own = {w for w in field_words(candidate.path) if w not in GENERIC_STEMS}
    if own <= _KEYISH:  # KmsKeyId says what, its parent says of what: OutputDataConfig.KmsKeyId
        own |= set(field_words(candidate.path.rpartition(".")[0] or candidate.path)) - GENERIC_STEMS
    if values:
        own |= set(words_of(" ".join(candidate.plan.assertions).split(" must ", 1)[-1]))
    return frozenset(w for w in wanted if any(w == o or (len(o) >= 4 and w.startswith(o)) for o in own))


def resource_first(
    best: Candidate, candidates: list[Candidate], requirement: str
) -> tuple[Candidate, Candidate | None]:
    """When the best field belongs to children fetched per resource (the snapshots of a Redshift cluster) and
    the resource itself carries the same setting, the resource's own field is the control; the children's
    stays as a second condition when the requirement names them ("clusters and their snapshots")."""
    head, sep, leaf = best.path.rpartition("[].")
    if not sep or len(best.plan.setup) < 2 or "." in leaf:
        return best, None
    best_calls = calls(best.plan.setup)
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.rank)):
        own_setup = calls(candidate.plan.setup)
        if len(own_setup) >= len(best_calls) or own_setup != best_calls[: len(own_setup)] or candidate.path != leaf:
            continue
        if candidate.score < best.score - SCORE_MARGIN:
            break
        children = set(words_of(head.rsplit(".", 1)[-1]))
        if not children & set(words_of(requirement)):
            return candidate, None
        return candidate, replace(best, plan=best.plan.model_copy(update={"assertions": _if_any(best.plan.assertions)}))
    return best, None


def _if_any(assertions: list[str]) -> list[str]:
    """A resource without children has nothing of theirs to fail: `each element of "<path>", if any, must …`."""
    return [re.sub(r'^("(?:[^"\\]|\\.)*") must ', r"each element of \1, if any, must ", a) for a in assertions]


def conditional(service: str, best: Candidate, requirement: str) -> tuple[Candidate, list[str]]:
    """ "Where a stage caches responses, the cache data must be encrypted": the condition names an on/off flag
    beside the asserted field; only the elements (or resources) where it is on are checked."""
    match = _CONDITION.match(requirement.strip())
    parent, sep, leaf = best.scored.path.rpartition(".")
    if match is None or not sep or not best.plan.assertions[0].startswith('"'):
        return best, []
    try:
        holder = shapes.resolve(shapes.output_root(shapes.operation(service, best.scored.operation)), parent).leaf
    except shapes.PathError:
        return best, []
    said = set(words_of(match[1]))
    flags = [n for n, m in (getattr(holder, "members", None) or {}).items() if m.type_name == "boolean" and n != leaf]
    flag = next((n for n in flags if set(field_words(n)) - GENERIC_STEMS & said), None)
    if flag is None:
        return best, []
    head, _, tail = best.path.rpartition(".")
    if "[]" not in head:
        return best, [f"only resources where {quote(f'{head}.{flag}' if head else flag)} is true"]
    if not head.endswith("[]"):
        return best, []  # the flag sits inside an element's structure: no single filter says it
    filtered = f"{head} | [?{flag}].{tail}"
    assertions = [a.replace(f'"{best.path}"', f'"{filtered}"', 1) for a in best.plan.assertions]
    return replace(best, plan=best.plan.model_copy(update={"assertions": _if_any(assertions)})), []


_CONDITION = re.compile(r"(?:where|when|if|whenever|wherever)\s+([^,;:]+)[,;:]", re.IGNORECASE)
