"""Settings held as data, not schema: a documented key of an attribute map or a Key/Value list."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from botocore.model import OperationModel, Shape

from bot.generation.offline.reading import concept_wanted, mention, words_of
from bot.generation.offline.scope import Candidate
from bot.generation.offline.sources import source_for
from bot.generation.render import Plan
from bot.knowledge import shapes
from bot.knowledge.resources import map_keys
from bot.knowledge.retrieval import ScoredField
from bot.language.values import quote

MAX_DEPTH = 3
MIN_MATCH = 0.5  # at least half of a key's own words appear in the requirement
NAMED_KEY = 0.3  # the requirement writes the key itself (`access_logs.s3.enabled`, KmsMasterKeyId)
KEY_CONFIDENCE = 0.6
_KEY_MEMBERS = ("Key", "key", "Name", "name", "OptionName")
_VALUE_MEMBERS = ("Value", "value")
_PLAIN_WORDS = frozenset({"enabl", "enabled", "s3", "aws", "http", "mode", "config", "configur", "set"})
_TURNED_ON = re.compile(r"\b(enabled?|turned on|switched on|on|active|activated)\b", re.IGNORECASE)
ACCOUNT_RESOURCE = re.compile(r"\b(account|settings?|regions?)\b", re.IGNORECASE)  # a resource named as settings
_QUOTED_VALUE = re.compile(r"[\"'`“”‘’]([A-Za-z0-9_.:/\-]+)[\"'`“”‘’]")
_OFF_VALUES = ["disabled", "false", "off", "none", ""]


def setting_candidates(
    service: str, operations: list[str], requirement: str, resource: str, retrieval_weight: float, first_rank: int
) -> list[Candidate]:
    """A candidate per (operation, documented key) whose key the requirement speaks of."""
    said = set(words_of(requirement)) - set(words_of(resource))  # "queue" alone does not pick QueueArn
    found: list[Candidate] = []
    for operation in operations:
        op = shapes.operation(service, operation)
        for holder, key_member in _holders(op):
            keys = map_keys(service, operation, f"{holder}[].{key_member}" if key_member else holder)
            matches = {key: _match(key, said, requirement) for key in keys}
            for key in _most_specific({k: m for k, m in matches.items() if m >= MIN_MATCH}):
                match = matches[key]
                candidate = _candidate(service, op, holder, key_member, key, requirement, resource)
                if candidate is not None:
                    # the call's docs rarely name the key, so the key's own match stands in for the call's rank
                    score = (retrieval_weight + 1.0) * match + candidate.confidence + candidate.score
                    found.append(Candidate(score, first_rank + len(found), *_rest(candidate)))
    return found


def _key_words(key: str) -> set[str]:
    """A documented key's words: `access_logs.s3.enabled`, `KmsMasterKeyId`, `aws:elasticbeanstalk:…`."""
    return set(words_of(re.sub(r"[._:-]+", " ", key)))


def _most_specific(matches: dict[str, float]) -> list[str]:
    """Drop a key whose words another key, matching as well, includes and extends (Policy beside
    RedrivePolicy; RedrivePolicy stays beside the less matching RedriveAllowPolicy)."""
    words = {key: _key_words(key) for key in matches}
    return [k for k in matches if not any(words[k] < words[o] and matches[o] >= matches[k] for o in matches)]


def _rest(candidate: Candidate) -> tuple[Plan, str, ScoredField, float]:
    return candidate.plan, candidate.path, candidate.scored, candidate.confidence


def _holders(op: OperationModel) -> Iterator[tuple[str, str]]:
    """(path, key member) of the maps (key member "") and Key/Value lists in the operation's output."""
    if op.output_shape is None:
        return
    stack: list[tuple[str, Shape, int]] = [("", op.output_shape, 0)]
    while stack:
        prefix, shape, depth = stack.pop()
        for name, member in shape.members.items():
            path = f"{prefix}{name}"
            if member.type_name == "map" and member.key.type_name == "string" and member.value.type_name == "string":
                yield path, ""  # a map of structures (LogPublishingOptions) has fields of its own
            item = member.member if member.type_name == "list" else None
            if item is not None and item.type_name == "structure":
                key = next((k for k in _KEY_MEMBERS if k in item.members), None)
                if key and any(v in item.members for v in _VALUE_MEMBERS):
                    yield path, key
                elif depth < MAX_DEPTH:
                    stack.append((f"{path}[].", item, depth + 1))
            if member.type_name == "structure" and depth < MAX_DEPTH:
                stack.append((f"{path}.", member, depth + 1))


def _match(key: str, said: set[str], requirement: str) -> float:
    own = _key_words(key) - _PLAIN_WORDS
    if not own:
        return 0.0
    literal = NAMED_KEY if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w.])", requirement) else 0.0
    return len(own & said) / len(own) + literal


def _candidate(
    service: str, op: OperationModel, holder: str, key_member: str, key: str, requirement: str, resource: str
) -> Candidate | None:
    field = f"{holder}[].{key_member}" if key_member else holder
    source = source_for(service, op, field, resource)
    if source is None or not field.startswith(source.strip):
        return None
    if source.setup[0].startswith("the account setting") and not ACCOUNT_RESOURCE.search(resource):
        return None  # an account summary's counters are not a setting of the resource asked about
    rest = holder[len(source.strip) :].lstrip(".").removeprefix("[]").lstrip(".")
    base = f"{source.prefix}{rest}" if source.prefix else rest
    if not base:
        return None
    value = _value_member(op, holder)
    first = " | [] | [0]" if "[]" in base else " | [0]"  # under a projection the matches come one list per item
    path = f"{base}[?{key_member}=='{key}'].{value}{first}" if key_member else f'{base}."{key}"'
    assertion = _assertion(path, key, requirement)
    plan = Plan(setup=list(source.setup), filters=[], assertions=[assertion])
    scored = ScoredField(op.name, field, 0.0, "string", ())
    return Candidate(source.score, 0, plan, path, scored, KEY_CONFIDENCE)


def _value_member(op: OperationModel, holder: str) -> str:
    try:
        item = shapes.resolve(shapes.output_root(op), f"{holder}[]").leaf
    except shapes.PathError:
        return "Value"
    members = getattr(item, "members", {}) or {}
    return next((v for v in _VALUE_MEMBERS if v in members), "Value")


def _quoted_values(path: str, key: str, requirement: str) -> str | None:
    """Values the requirement quotes for the key ("defensive" or "strictest"; "monitor" is not allowed): the
    models document no values for a key held as data, so the requirement's own are the ones to compare with."""
    values = [v for v in dict.fromkeys(_QUOTED_VALUE.findall(requirement)) if v != key]
    good = [v for v in values if mention(v, requirement) > 0]
    bad = [v for v in values if mention(v, requirement) < 0]
    if len(good) == 1:
        return f"{quote(path)} must be {json.dumps(good[0])}"
    if good:
        return f"{quote(path)} must be one of {json.dumps(good)}"
    return f"{quote(path)} must not be one of {json.dumps(bad)}" if bad else None


def _assertion(path: str, key: str, requirement: str) -> str:
    """On/off keys compare with "true"/"false" (the APIs hold every value as a string); other keys must be
    set, and not to an "off" value when the requirement asks for the setting to be on."""
    camel = "".join(w.capitalize() for w in re.split(r"[._:\-]+", key) if w)
    wanted = concept_wanted(requirement, camel)
    if key.lower().endswith("enabled"):
        return f'{quote(path)} must be "{"false" if wanted is False else "true"}"'
    named = _quoted_values(path, key, requirement)
    if named:
        return named
    if wanted is False:
        return f"{quote(path)} must be absent"
    if _TURNED_ON.search(requirement):
        return f"{quote(path)} must not be one of {json.dumps(_OFF_VALUES)}"
    return f"{quote(path)} must not be empty"
