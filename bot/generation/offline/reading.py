"""What a requirement says about a field: whether it is wanted or negated, and which part names the scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.vocabulary import STOPWORDS, split_words, stem

# Words that turn what follows (or, after a modal, what precedes) around.
NEGATION_CUES = frozenset(
    {
        "not", "no", "never", "without", "disabled", "disable", "off", "prohibited", "prohibit", "forbidden",
        "forbid", "disallowed", "disallow", "cannot", "none", "nor", "deny", "denied", "blocked",
        "prevent", "prevented", "avoid", "exclude", "excluded", "neither", "mustn",
        "shouldn", "can't", "isn", "aren", "doesn", "don", "lack", "lacks", "removed", "unset", "false", "fals",
    }
)  # fmt: skip
# Cues that negate what comes before them ("Root access must be disabled"); the others negate what follows.
TRAILING_CUES = frozenset(
    {"disabled", "off", "prohibited", "forbidden", "disallowed", "denied", "blocked", "removed", "false", "fals"}
)
# Field-name words that mean the field guards against what the rest of its name says (BlockPublicPolicy).
PROTECTIVE_STEMS = frozenset({"block", "restrict", "deny", "prevent", "ignor", "no", "disallow"})
# Words after a value that reject it ("a logging level of OFF is not allowed", "basic … is not enough").
_REJECTING_WORDS = ("not", "never", "prohibited", "forbidden", "disallowed", "fail", "insufficient", "findings")
_REJECTING = frozenset(_REJECTING_WORDS) | {stem(w) for w in _REJECTING_WORDS} | {"violation", "noncompliant"}
# A word in the requirement that means the opposite of a word in a field's name.
_ANTONYM_TEXT = """
    single=multi private=public internal=public manual=automatic immutable=mutable unencrypted=encrypted
    plaintext=encrypted closed=open restricted=public optional=required unauthenticated=authenticated
    insecure=secure
"""
ANTONYMS = {stem(a): stem(b) for a, b in (pair.split("=") for pair in _ANTONYM_TEXT.split())}
# Words of a field name that say nothing about what it means (its state, not its subject).
GENERIC_FIELD_WORDS = frozenset(
    {"enabled", "enable", "is", "status", "state", "config", "configuration", "mode", "setting", "settings",
     "value", "type", "flag", "option", "options", "details", "info"}
)  # fmt: skip
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_FIELD_WORDS) | GENERIC_FIELD_WORDS
_MODAL = re.compile(
    r"\b(must|should|shall|has to|have to|needs? to|need|needs|are required to|is required to|may|can|cannot|"
    r"are to|is to|will|requires?|are|is)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[.;!?](?=\s|$)|\(|\n|\b(but|while|whereas|although|however|rather than|instead of|so that|because|since|"
    r"in order to)\b|,\s*(?=(?:and\s+)?not\b)",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r",?\s*\b(?:so that|so as to|in order to|because|since)\b", re.IGNORECASE)
EXCLUSION = re.compile(
    r"\b(excluded|exclude|excluding|except|exempt|other than|apart from|not in scope|out of scope|not concerned)\b",
    re.IGNORECASE,
)
_HUMP = re.compile(r"[a-z][A-Z]")
_ASIDE = re.compile(r"\([^()]*\)")
_ANY_CASE = re.compile(
    r"\b(?:whether or not\b[^,.;:()]*|whether\b[^,.;:()]*?\bor not\b"
    r"|with or without\b[^,.;:()]*|regardless of\b[^,.;:()]*)",
    re.IGNORECASE,
)
WINDOW = 5  # words between a cue and what it negates
REJECT_WINDOW = 6  # "plain TCP or UDP listeners are not permitted"
SUBJECT_SPAN = 10  # "No <subject of up to nine words> may …"
_DEMANDING = NEGATION_CUES | {
    stem(w) for w in ("must", "should", "shall", "need", "required", "requires", "on", "enabled", "true", "yes")
}
_SUBJECT_NEGATIONS = frozenset({"no", "none", "neither"})
_SUBJECT_MODALS = frozenset({"may", "can", "must", "shall", "should", "will", "might"})
_PREDICATE_MODALS = _SUBJECT_MODALS | {"cannot", "mustn", "shouldn"}
VALUE_WINDOW = 12  # "must not use deprecated runtimes such as python2.7"
STRONG_WINDOW = 8  # "must not run their build environment in privileged mode"
_STRONG_CUES = frozenset({"not", "no", "never", "without"})
_NOT_ALLOWED = {(stem(w),) for w in ("allowed", "permitted", "accepted", "acceptable", "enough")}
TRAILING = 4  # words between what is negated and a state cue after it


@dataclass(frozen=True)
class Reading:
    """A requirement split at its first modal verb: the subject names the scope, the predicate the setting."""

    words: tuple[str, ...]  # stems, in order, negation cues kept
    subject: frozenset[str]
    predicate: frozenset[str]  # the predicate's words that the subject does not use
    subject_text: str
    predicate_text: str


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case stems of the text's words, in order; "single-Region" gives single, region."""
    raw = re.findall(r"[A-Za-z0-9]+(?:'t)?", text.replace("’", "'"))
    split = [part for w in raw for part in (split_words(w) if _HUMP.search(w) else (w,))]
    return tuple(stem(w) if w.lower() not in NEGATION_CUES else w.lower() for w in split)


@lru_cache(maxsize=256)
def read(requirement: str) -> Reading:
    # an aside before the modal verb narrows the subject: "Every DB cluster (Aurora or Multi-AZ) must …"
    blanked = _ASIDE.sub(lambda aside: " " * len(aside[0]), requirement)
    first = _CLAUSE_BREAK.split(blanked, maxsplit=1)[0]
    modal = _MODAL.search(first)
    subject = requirement[: modal.start()] if modal else ""
    predicate = requirement[modal.end() :] if modal else requirement
    predicate = " ".join(c for c in re.split(r"(?<=[.;])\s+", predicate) if not EXCLUSION.search(c))
    predicate = _PURPOSE.split(predicate, maxsplit=1)[0]  # "…, so that a snapshot never exposes" says why
    predicate = _ANY_CASE.sub(" ", predicate)  # "whether it is attached or not" asks for nothing
    subject_words = frozenset(words_of(subject))
    predicate_words = frozenset(words_of(predicate)) - subject_words
    return Reading(words_of(requirement), subject_words, predicate_words, subject, predicate)


def field_words(path: str) -> tuple[str, ...]:
    """The stems of a field's leaf name (and its parent's, when the leaf is generic: BackupPolicy.Status)."""
    parts = [p for p in path.replace("[]", "").split(".") if p]
    leaf = [w.lower() for w in split_words(parts[-1])] if parts else []
    if parts[:-1] and not {stem(w) for w in leaf} - GENERIC_STEMS:
        leaf = [w.lower() for w in split_words(parts[-2])] + leaf
    return tuple(stem(w) if w not in NEGATION_CUES else w for w in leaf)


def _cues_near(words: tuple[str, ...], hits: list[int], own: frozenset[str]) -> int:
    """Negation cues before the last hit (WINDOW words, STRONG_WINDOW for "not"/"no"/"never"/"without"), and
    state cues after it ("… must be disabled", "… are not allowed"), in the same clause; the field's own words
    ("Block…") are not cues."""
    last = max(hits)
    start = _predicate_start(words, min(hits))
    before = range(max(start, min(hits) - STRONG_WINDOW), last)
    after = range(last + 1, min(len(words), last + 1 + TRAILING))
    count = 0
    for i in [*before, *after]:
        word = words[i]
        if i in hits or word not in NEGATION_CUES or word in own or stem(word) in own:
            continue
        if (i < last and (word in _STRONG_CUES or i >= min(hits) - WINDOW)) or (
            i > last and (word in TRAILING_CUES or words[i + 1 : i + 2] in _NOT_ALLOWED)
        ):
            count += 1
    return count + _negated_subject(words, min(hits), counted=start == 0 and min(hits) <= STRONG_WINDOW)


def _predicate_start(words: tuple[str, ...], at: int) -> int:
    """Where the predicate that holds `at` starts (its modal verb), so that a negation inside the subject
    ("Instances that are not terminated must …") does not turn the predicate around; 0 when `at` is in the
    subject or the clause has no modal verb."""
    modal = next((i for i, w in enumerate(words[:at]) if w in _PREDICATE_MODALS), None)
    return modal if modal is not None and modal > 0 else 0


def named_under_no_subject(value: str, requirement: str) -> bool:
    """The value is named in the requirement's first clause after "No <subject> may …": what must not be
    ("No active task definition may set its PID mode to host"), not a value of another clause."""
    clauses = _clause_words(requirement, colon=True)
    tokens = value_words(value)
    if not clauses or not tokens:
        return False
    start = _find_in_order(clauses[0], tokens)
    return start is not None and _negated_subject(clauses[0], start, counted=False) == 1


def _negated_subject(words: tuple[str, ...], at: int, counted: bool) -> int:
    """1 when the clause says "No <subject> may/must/can …" and `at` is in what follows the modal verb, however
    far ("No active task definition may set its PID mode to host"), unless the "no" was `counted` already
    because it is near enough for the cue window."""
    if not words or words[0] not in _SUBJECT_NEGATIONS or counted:
        return 0
    modal = next((i for i, w in enumerate(words[1:SUBJECT_SPAN], 1) if w in _SUBJECT_MODALS), None)
    return 1 if modal is not None and modal < at else 0


def _matches(requirement_word: str, field_word: str) -> bool:
    return requirement_word == field_word or (
        len(field_word) >= 4 and len(requirement_word) >= 4 and requirement_word.startswith(field_word)
    )


def concept_wanted(requirement: str, path: str) -> bool | None:
    """True when the requirement asks for what the field's name says, False when it negates it, None when it
    does not speak of it. "must not be publicly accessible" on PubliclyAccessible → False; "single-Region"
    on MultiRegion → False; "Root access must be disabled" on RootAccess → False."""
    own = frozenset(field_words(path))
    protective = own & PROTECTIVE_STEMS
    content = [w for w in own - protective if w not in GENERIC_STEMS | NEGATION_CUES | STOPWORDS and len(w) > 1]
    if not content:
        return None
    wanted = _concept_wanted(requirement, content, own - protective)
    return wanted if wanted is None or not protective else not wanted  # BlockPublicPolicy: "no public policy"


def _concept_wanted(requirement: str, content: list[str], own: frozenset[str]) -> bool | None:
    """The polarity of the clause that names most of the field's words; a clause that demands (a modal or a
    negation) outranks one that only describes ("it examines the PubliclyAccessible field")."""
    best: tuple[bool, int, bool] | None = None  # (demands, field words named, wanted)
    for clause in _clause_words(requirement, colon=True):
        hits = [i for i, word in enumerate(clause) if any(_matches(word, c) for c in content)]
        flips = [i for i, word in enumerate(clause) if _opposes(word, content)]
        if not hits and not flips:
            continue
        span = hits + flips
        negations = _cues_near(clause, span, own) + bool(flips)
        found = (bool(set(clause) & _DEMANDING), len(hits), negations % 2 == 0)
        if best is None or found[:2] > best[:2]:
            best = found
    return None if best is None else best[2]


def _opposes(word: str, content: list[str]) -> bool:
    antonym = ANTONYMS.get(word)
    if any(_matches(word, c) for c in content):
        return False
    return antonym is not None and any(_matches(antonym, c) or _matches(c, antonym) for c in content)


def _clause_words(requirement: str, colon: bool = False) -> list[tuple[str, ...]]:
    """The requirement's clauses as words; with `colon`, a colon ends a clause too (what follows it lists the
    acceptable values: "never plain HTTP: redirect to HTTPS or HTTPS only"), unless a state follows it: "public
    endpoint access: disabled" is one clause."""
    parts = _LIST_COLON.split(requirement) if colon else [requirement]
    clauses = [c for part in parts for c in _CLAUSE_BREAK.split(part) if c and not _CLAUSE_BREAK.fullmatch(c)]
    return [words_of(c) for c in clauses]


_LIST_COLON = re.compile(
    r": (?!(?:enabled|disabled|on|off|true|false|yes|no|required|prohibited|forbidden|denied|blocked)\b)",
    re.IGNORECASE,
)


def mention(value: str, requirement: str) -> int:
    """+1 when the requirement names an enum value plainly, -1 when a cue in its clause negates it, else 0."""
    tokens = value_words(value)
    if not tokens:
        return 0
    if re.search(rf"\b(?:rather than|instead of)\s+(?:\w+\s+){{0,2}}?{re.escape(value)}\b", requirement, re.I):
        return -1  # "status ENABLED rather than PAUSED"
    for clause in _clause_words(requirement, colon=True):
        start = _find_in_order(clause, tokens)
        if start is not None:
            before = clause[max(0, start - VALUE_WINDOW) : start]
            near = any(w in NEGATION_CUES for w in before)
            far = _negated_subject(clause, start, counted=start <= VALUE_WINDOW) == 1
            rejected = near or far or _rejected_after(tokens, requirement)
            return -1 if rejected else 1
    return 0


def _rejected_after(tokens: tuple[str, ...], requirement: str) -> bool:
    """A rejecting word follows the value in its part of the sentence ("OFF is not allowed"); a comma ends
    that part ("INFO or ERROR level, never OFF" does not reject INFO)."""
    for part in _clause_words(re.sub(r"[()]", " ", requirement).replace(",", ";"), colon=True):
        start = _find_in_order(part, tokens)
        if start is not None:
            return any(w in _REJECTING for w in part[start + len(tokens) : start + len(tokens) + REJECT_WINDOW])
    return False


def value_words(value: str) -> tuple[str, ...]:
    """An enum value's words as stems: PendingDeletion, AUDIT_LOGS, redirect-to-https, python2.7."""
    words = " ".join(" ".join(split_words(part)) or part for part in re.split(r"[_\-\s]+", value))
    return tuple(t for t in words_of(words) if t not in ("aws", "amazon"))


def _find_in_order(words: tuple[str, ...], tokens: tuple[str, ...], gap: int = 1) -> int | None:
    """Where the tokens start in words, in order, with at most `gap` other words between two of them; a
    one-word value also matches two words written together ("WEBSOCKET" in "WebSocket")."""
    if len(tokens) == 1:
        joined = [i for i in range(len(words) - 1) if words[i] + words[i + 1] == tokens[0]]
        if joined and tokens[0] not in words:
            return joined[0]
    for start, word in enumerate(words):
        if word != tokens[0]:
            continue
        at = start
        for token in tokens[1:]:
            window = words[at + 1 : at + 2 + gap]
            if token not in window:
                break
            at += 1 + window.index(token)
        else:
            return start
    return None
