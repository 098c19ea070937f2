"""The offline planner's assertion for one field: from its type, enum values and the requirement's words."""

from __future__ import annotations

import json
import re

from bot.generation.offline.qualifiers import qualifies_resource
from bot.generation.offline.reading import (
    concept_wanted,
    mention,
    named_under_no_subject,
    read,
    value_words,
    words_of,
)
from bot.generation.offline.security_terms import (
    BAD_VALUES,
    GOOD_VALUES,
    LIFECYCLE_VALUES,
    NEGATIVE_FIELD_WORDS,
    PROTECTIVE_FIELD_WORDS,
    normalise_value,
)
from bot.knowledge.retrieval import ScoredField
from bot.knowledge.vocabulary import split_words, stem, tokenize
from bot.language.values import quote

NUMERIC = {"integer", "long", "float", "double"}
FLAG_CONFIDENCE = 0.5  # a flag named by the request is what most controls check
ENUM_CONFIDENCE = 0.6  # an enum with a value known to be the secure one
VOCABULARY_ONLY = 0.4  # one value the vocabulary calls strong, the requirement silent: SSE_KMS where SSE_S3 may do
NAMED_CONFIDENCE = 0.8  # an enum value the requirement itself names
REFUSED_CONFIDENCE = 0.45  # values that must not be: the others are only not known to be weak
LIFECYCLE_PENALTY = 0.4  # a resource's lifecycle state (InService, available) is rarely the control
PRESENT_CONFIDENCE = 0.0  # "must be present" on a plain field: neither evidence for nor against
_AGE_WORDS = {"create", "created", "creation", "rotated", "rotation", "last", "changed", "modified", "issued", "start"}
# Each unit in seconds; an amount is converted into the unit the field's name says (days when it says none).
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}
_UNIT = re.compile(r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?)")
_EVERY_N = re.compile(r"\bevery\s+(\d+|[a-z]+)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "twelve": 12}
_AT_MOST = re.compile(r"\b(at most|no more than|maximum|within|every|or less|not exceed|older than|up to)\b")
_MORE_THAN_ONE = re.compile(r"\b(more than one|multiple|several)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)")
_AT_LEAST_N = re.compile(r"\b(?:at least|minimum of|no fewer than)\s+(\d+|[a-z]+)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)")
COUNT_CONFIDENCE = 0.6  # "at least two X" on the list of X
_AT_LEAST = re.compile(r"\b(at least|minimum|or more|no less than|longer than|keep|retain)\b")


def assertion_for(
    path: str, scored: ScoredField, requirement: str, terms: frozenset[str] = frozenset(), resource: str = ""
) -> tuple[str, float]:
    """(assertion step, confidence between 0 and 1) for the field at `path` in the resource document."""
    leaf_words = {w.lower() for w in split_words(scored.path.rsplit(".", 1)[-1].replace("[]", ""))}
    if scored.type_name == "map" and scored.enum:
        return _map_key_assertion(path, scored.enum, terms)
    wanted = concept_wanted(requirement, scored.path)
    if scored.type_name == "boolean":
        if wanted is None:
            wanted = not (leaf_words & NEGATIVE_FIELD_WORDS and not leaf_words & PROTECTIVE_FIELD_WORDS)
        if not wanted:
            return f"{quote(path)} must be false", FLAG_CONFIDENCE
        return f"{quote(path)} must be true", FLAG_CONFIDENCE
    if scored.enum:
        return _enum_assertion(path, scored, requirement, wanted, resource)
    if scored.type_name in NUMERIC:
        return _numeric_assertion(path, scored, requirement)
    if scored.type_name == "timestamp":
        return _age_assertion(path, leaf_words, requirement)
    if wanted is False and scored.type_name in ("string", "list", "map", "structure"):
        return absent_step(path, scored.type_name), 0.3
    if scored.type_name == "string":
        # APIs report an unset string as "" as often as they leave it out (CloudFront's DefaultRootObject)
        named_setting = bool(leaf_words & {"kms", "key", "policy", "role", "certificate"})
        return f"{quote(path)} must not be empty", 0.3 if named_setting else PRESENT_CONFIDENCE
    if scored.type_name == "list" and (count := _count(requirement, leaf_words)) and "[" not in path:
        return f"the expression {quote(f'length({path} || `[]`) >= `{count}`')} must be true", COUNT_CONFIDENCE
    if scored.type_name in ("list", "map", "structure"):
        return f"{quote(path)} must not be empty", PRESENT_CONFIDENCE
    return f"{quote(path)} must be present", -0.1


def absent_step(path: str, type_name: str) -> str:
    """What "must not have X" asserts: X is absent; a list has no element at all (`X[]`, which also holds when
    the API leaves an empty list out)."""
    if type_name == "list" and not path.endswith("[]"):
        path = f"{path}[]"
    return f"{quote(path)} must be absent"


def _count(requirement: str, leaf_words: set[str]) -> int | None:
    """ "at least two Availability Zones", "more than one subnet": how many elements the named list needs."""
    text = requirement.lower()
    named = {stem(w) for w in leaf_words}
    several = _MORE_THAN_ONE.search(text)
    if several and named & set(words_of(several[2])):
        return 2
    match = _AT_LEAST_N.search(text)
    if not match:
        return None
    count = int(match[1]) if match[1].isdigit() else _NUMBER_WORDS.get(match[1], 0)
    return count if count >= 2 and named & set(words_of(match[2])) else None


_TLS = re.compile(r"tls[\s_-]*v?(\d)(?:[._\-\s](\d)(?!\d))?", re.IGNORECASE)
_TLS_NAMED = re.compile(r"\btls\s*v?(\d)[._\s](\d)\b", re.IGNORECASE)
_FLOOR_WORDS = re.compile(
    r"\b(or (later|newer|higher|above|greater)|at least|minimum|min|and above)\b|\+", re.IGNORECASE
)
_BOTH = re.compile(r"\b(both|all)\b.*\band\b", re.IGNORECASE)
_POSITIVE = frozenset({"enabled", "enable", "on", "true", "yes", "required", "active", "allow", "allowed"})
_NEGATIVE = frozenset({"disabled", "disable", "off", "false", "no", "none", "optional", "inactive", "deny"})


def _enum_assertion(
    path: str, scored: ScoredField, requirement: str, wanted: bool | None, resource: str
) -> tuple[str, float]:
    step, confidence = _enum_step(path, scored, requirement, wanted, resource)
    lifecycle = sum(normalise_value(v) in LIFECYCLE_VALUES for v in scored.enum) >= 2
    return step, confidence - LIFECYCLE_PENALTY if lifecycle else confidence


def _value_scores(enum: tuple[str, ...], requirement: str, wanted: bool | None, resource: str = "") -> dict[str, int]:
    """+ for values a compliant resource shows, - for those it must not: what the requirement names first (with
    the values the vocabulary ranks alike: "TLS" also admits HTTPS), then the field's on/off values read
    against the requirement's polarity, then the security vocabulary."""
    vocabulary = {v: (normalise_value(v) in GOOD_VALUES) - (normalise_value(v) in BAD_VALUES) for v in enum}
    floor = _version_floor(requirement)
    versions = {v: _tls_version(v) for v in enum}
    if floor and sum(version is not None for version in versions.values()) >= 2:
        return {v: 0 if ver is None else (2 if ver >= floor else -2) for v, ver in versions.items()}
    named = {value: 2 * _named(value, requirement, resource) for value in enum}
    if sum(n > 0 for n in named.values()) >= 2 and _BOTH.search(requirement):
        every = [v for v in enum if normalise_value(v) == "all"]
        if every:
            return {v: 2 if v == every[0] else 0 for v in enum}  # "both accepted and rejected": ALL
    if any(named.values()):
        kinds = {vocabulary[v] * (1 if n > 0 else -1) for v, n in named.items() if n and vocabulary[v]}
        good_kind = kinds.pop() if len(kinds) == 1 else 0  # named "Enabled … fail": the vocabulary's bad values pass
        return {v: named[v] or (vocabulary[v] * good_kind) for v in enum}
    polar = {v: (normalise_value(v) in _POSITIVE) - (normalise_value(v) in _NEGATIVE) for v in enum}
    if wanted is not None and any(polar.values()):
        return {v: p if wanted else -p for v, p in polar.items()}
    return vocabulary


def _named(value: str, requirement: str, resource: str) -> int:
    """How the requirement names a value; one that qualifies the resource in the subject ("Application load
    balancers must …") picks resources, not the setting, and does not count ("audit logs must …" does)."""
    reading = read(requirement)
    said = mention(value, reading.predicate_text)
    if said and named_under_no_subject(value, requirement):
        return -said  # "No task definition may set its PID mode to host": host is what must not be
    if said or not reading.subject_text:
        return said
    resource_words = set(words_of(resource))
    if set(value_words(value)) <= resource_words or qualifies_resource(value, reading.subject_text, resource_words):
        return 0
    return mention(value, reading.subject_text)


def _version_floor(requirement: str) -> tuple[int, int] | None:
    """ "TLS 1.2 or later", "at least TLSv1.2", "minimum TLS 1.2": the lowest acceptable TLS version."""
    match = _TLS_NAMED.search(requirement)
    if match is None or not _FLOOR_WORDS.search(requirement):
        return None
    return int(match[1]), int(match[2])


def _tls_version(value: str) -> tuple[int, int] | None:
    """The TLS version an enum value names (TLSv1.2_2021, Policy-Min-TLS-1-2-2019-07, TLS_1_3); SSL is 0.x."""
    if re.search(r"ssl", value, re.IGNORECASE):
        return (0, 0)
    match = _TLS.search(value)
    return (int(match[1]), int(match[2] or 0)) if match else None


def wanted_values(scores: dict[str, int]) -> bool:
    """Whether the scores come from the requirement (named values) rather than the vocabulary alone."""
    return any(abs(s) == 2 for s in scores.values())


def _distinctive(value: str) -> bool:
    """A value whose name says more than on/off ("PRIVATE", "redirect-to-https", not "required")."""
    return normalise_value(value) not in _POSITIVE | _NEGATIVE


def _enum_step(
    path: str, scored: ScoredField, requirement: str, wanted: bool | None, resource: str
) -> tuple[str, float]:
    scores = _value_scores(scored.enum, requirement, wanted, resource)
    good = [v for v in scored.enum if scores[v] > 0]
    bad = [v for v in scored.enum if scores[v] < 0]
    named = NAMED_CONFIDENCE if any(abs(s) == 2 and _distinctive(v) for v, s in scores.items()) else 0.0
    if scored.type_name == "list":
        if bad:
            worst = min(bad, key=lambda v: scores[v])
            return f"{quote(path)} must not contain {json.dumps(worst)}", 0.5
        if good:
            return "\n".join(f"{quote(path)} must contain {json.dumps(v)}" for v in good[:3]), max(named, 0.4)
        return f"{quote(path)} must not be empty", 0.0
    known = named or (ENUM_CONFIDENCE if any(abs(s) >= 1 for s in scores.values()) else 0.3)
    polar = wanted is not None and any(normalise_value(v) in _POSITIVE | _NEGATIVE for v in scored.enum)
    silent = not wanted_values(scores) and not polar  # only the vocabulary speaks
    refused = [v for v in scored.enum if scores[v] == -2]
    if refused and not any(s == 2 for s in scores.values()) and len(refused) < len(scored.enum):
        return _refused_step(path, refused), REFUSED_CONFIDENCE  # "never over HTTP": other values pass
    if silent and bad and len(bad) < len(scored.enum):
        # exclude what the vocabulary knows is weak rather than pick one strong value
        return f"{quote(path)} must not be one of {json.dumps(bad)}", known
    if silent and len(good) == 1 and len(scored.enum) > 1:
        return f"{quote(path)} must be {json.dumps(good[0])}", VOCABULARY_ONLY
    if len(good) == 1:
        return f"{quote(path)} must be {json.dumps(good[0])}", known
    if good and len(good) < len(scored.enum):
        return f"{quote(path)} must be one of {json.dumps(good)}", known - 0.05
    if bad and len(bad) < len(scored.enum):
        return f"{quote(path)} must not be one of {json.dumps(bad)}", REFUSED_CONFIDENCE
    return f"{quote(path)} must be present", 0.05


def _refused_step(path: str, refused: list[str]) -> str:
    if len(refused) == 1:
        return f"{quote(path)} must not be {json.dumps(refused[0])}"
    return f"{quote(path)} must not be one of {json.dumps(refused)}"


def _amount(requirement: str, leaf: str = "") -> int | None:
    """The number the requirement gives, in the unit the field counts in (RetentionPeriodHours: 7 days is 168)."""
    text = requirement.lower()
    number = "|".join(_NUMBER_WORDS)
    match = re.search(rf"\b(\d+|{number})\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", text)
    if match:
        count = int(match[1]) if match[1].isdigit() else _NUMBER_WORDS[match[1]]
        unit = _UNIT.search(leaf.lower())
        into = _SECONDS[unit[1].rstrip("s")] if unit else _SECONDS["day"]
        return max(round(count * _SECONDS[match[2].rstrip("s")] / into), 1)
    plain = re.search(r"\b(\d+)\b", text)
    return int(plain[1]) if plain else None


def _numeric_assertion(path: str, scored: ScoredField, requirement: str) -> tuple[str, float]:
    leaf = scored.path.rsplit(".", 1)[-1].lower()
    amount = _amount(requirement, leaf)
    text = requirement.lower()
    # "at least once every 30 days" bounds a period from above
    at_most = bool(_EVERY_N.search(text)) or (bool(_AT_MOST.search(text)) and not _AT_LEAST.search(text))
    if "max" in leaf or "age" in leaf:
        at_most = True
    kind = "at most" if at_most else "at least"
    if amount is None:
        return f"{quote(path)} must be at least 1", 0.2
    return f"{quote(path)} must be {kind} {amount}", 0.5


def _age_assertion(path: str, leaf_words: set[str], requirement: str) -> tuple[str, float]:
    """Creation and rotation dates bound how old a secret or key may get; other dates are only present."""
    amount = _amount(requirement)
    if amount is not None and leaf_words & _AGE_WORDS:
        return f"{quote(path)} must be at most {amount} days old", 0.55
    return f"{quote(path)} must be present", 0.0


def _map_key_assertion(path: str, keys: tuple[str, ...], terms: frozenset[str]) -> tuple[str, float]:
    """A map with known keys (SQS queue attributes): the key the request speaks of must be set."""
    overlap = {key: len(set(tokenize(key)) & terms) for key in keys}
    best = max(keys, key=lambda key: (overlap[key], -len(key)))
    if not overlap[best]:
        return f"{quote(path)} must not be empty", PRESENT_CONFIDENCE
    return f"{quote(f'{path}.{best}')} must not be empty", 0.3
