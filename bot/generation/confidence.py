"""How far a generated control can be trusted: a score from the evidence, its level, its reasons, draft or not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.generation.evaluation import feature_facts, normalise_path
from bot.generation.render import Plan
from bot.inputs.safe_text import one_line
from bot.knowledge.botocore_index import load_index
from bot.knowledge.vocabulary import SYNONYMS, split_words, term, tokenize
from bot.language.problems import Problem

LOW_BELOW = 0.5  # a score under this is low: the control is a draft
HIGH_FROM = 0.75  # a score from this on is high
THRESHOLDS = f"low < {LOW_BELOW} ≤ medium < {HIGH_FROM} ≤ high"
OFFLINE_CAP = 0.7  # the offline engine cannot know when it is right: never high
UNSTATED_CAP = 0.7  # a plan that says nothing of its own confidence: never high
COVERAGE_FLOOR = 0.4  # the measured score of a control that covers none of the requirement's terms
REPAIR_PENALTY = 0.15
WARNING_PENALTY, WARNING_PENALTY_CAP = 0.05, 0.15
MANUAL_PENALTY = 0.1
MAX_STATED_REASONS, REASON_CHARS = 5, 200
OFFLINE_REASON = "planned without a model: review before merge"
HEADER_PREFIX = "# controlbot: "
_HEADER = re.compile(r"^# controlbot: (draft — )?confidence ([01]\.\d\d) \((low|medium|high)\)")
_STEP_LINE = re.compile(r"^\s*(Given|When|Then|And|But|\|)\s*(.*)$")
_MANUAL = re.compile(r"^\s*(Given|When|Then|And|But)\s+manual:")
# Words a requirement uses to frame what it asks, not what the control has to look at.
_FRAMING = frozenset(tokenize("ensure ensures ensured require required requires resource resources"))


@dataclass(frozen=True)
class Confidence:
    """A score 0–1, its level (low < 0.5 ≤ medium < 0.75 ≤ high), short reasons, and whether it is a draft."""

    score: float
    level: str
    reasons: tuple[str, ...]
    draft: bool

    @property
    def label(self) -> str:
        return f"confidence {self.score:.2f} ({self.level})"

    def to_dict(self) -> dict[str, object]:
        return {"score": self.score, "level": self.level, "draft": self.draft, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Coverage:
    """Which of the requirement's content words the control's names, values and documentation speak of."""

    covered: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def fraction(self) -> float:
        total = len(self.covered) + len(self.missing)
        return len(self.covered) / total if total else 1.0

    def sentence(self) -> str:
        total = len(self.covered) + len(self.missing)
        if not self.missing:
            return f"all {total} requirement terms found in the control's names and docs"
        missing = ", ".join(self.missing[:8])
        return (
            f"{len(self.covered)} of {total} requirement terms found in the control's names and docs (not: {missing})"
        )


@dataclass(frozen=True)
class Evidence:
    """What a generation did, as far as it bears on whether the control is right."""

    provider: str
    stated: float | None  # the plan's own confidence
    stated_reasons: tuple[str, ...]
    coverage: Coverage
    replans: int  # plans sent back with checker errors
    repairs: int  # repair rounds the feature needed
    warnings: tuple[str, ...]
    manual_steps: int


def judge(
    provider: str,
    service: str,
    requirement: str,
    plan: Plan,
    text: str,
    problems: list[Problem],
    rounds: tuple[int, int],
) -> Confidence:
    """The confidence of a checked feature: `rounds` is (plans sent back, feature repair rounds)."""
    evidence = Evidence(
        provider=provider,
        stated=plan.confidence,
        stated_reasons=stated_reasons(plan.reasons),
        coverage=measure_coverage(service, requirement, text),
        replans=rounds[0],
        repairs=rounds[1],
        warnings=tuple(p.message for p in problems if p.severity == "warning"),
        manual_steps=manual_steps(text),
    )
    return assess(evidence)


def level_of(score: float) -> str:
    return "low" if score < LOW_BELOW else "high" if score >= HIGH_FROM else "medium"


def assess(evidence: Evidence) -> Confidence:
    """The score: the lower of the measured coverage and the plan's own word, less penalties, capped offline."""
    offline = evidence.provider == "offline"
    measured = COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * evidence.coverage.fraction
    score = measured if evidence.stated is None else min(measured, evidence.stated)
    reasons = [OFFLINE_REASON] if offline else []
    repaired = evidence.replans + evidence.repairs > 0
    if evidence.replans:
        reasons.append(f"the plan failed its checks and was sent back {_times(evidence.replans)}")
    if evidence.repairs:
        reasons.append(f"the feature needed {evidence.repairs} repair round(s) to pass the checker")
    score -= REPAIR_PENALTY if repaired else 0.0
    if evidence.stated is None and not offline:
        reasons.append("the plan gave no confidence of its own")
        score = min(score, UNSTATED_CAP)
    elif evidence.stated is not None and evidence.stated < measured:
        reasons.append(f"the plan rates itself {evidence.stated:.2f}")
    reasons.extend(evidence.stated_reasons)
    reasons.append(evidence.coverage.sentence())
    if evidence.warnings:
        score -= min(WARNING_PENALTY * len(evidence.warnings), WARNING_PENALTY_CAP)
        reasons.append(f"the checker left {len(evidence.warnings)} warning(s): {one_line(evidence.warnings[0], 160)}")
    if evidence.manual_steps:
        score -= MANUAL_PENALTY
        reasons.append(f"{evidence.manual_steps} step(s) are manual: a reviewer checks them, not the API")
    score = round(min(max(score, 0.0), OFFLINE_CAP if offline else 1.0), 2)
    level = level_of(score)
    return Confidence(score, level, tuple(reasons), draft=offline or level == "low" or repaired)


def stated_reasons(reasons: list[str]) -> tuple[str, ...]:
    """The plan's own reasons as short single lines (they are model text: escaped, cut, at most five)."""
    lines = (one_line(" ".join(reason.split()), REASON_CHARS) for reason in reasons if reason.strip())
    return tuple(lines)[:MAX_STATED_REASONS]


def requirement_terms(requirement: str, service: str) -> dict[str, str]:
    """The requirement's content words, stem → the word as written, without the service's own name."""
    text = re.sub(rf"(?i)(?<![\w-]){re.escape(service)}(?![\w-])", " ", requirement)
    ignored = set(tokenize(service)) | _FRAMING
    found: dict[str, str] = {}
    for word in split_words(text):
        stem = term(word)
        if len(stem) > 1 and stem not in ignored and not stem.isdigit():
            found.setdefault(stem, word)
    return found


def measure_coverage(service: str, requirement: str, feature_text: str) -> Coverage:
    """How many requirement terms the feature's steps, and the docs of its operations and fields, contain."""
    wanted = requirement_terms(requirement, service)
    offered = set(tokenize(" ".join(_step_texts(feature_text)))) | _documented_terms(service, feature_text)
    covered = {stem for stem in wanted if stem in offered}
    for phrase, expansions in SYNONYMS.items():  # "customer managed" is covered by a KMS key field
        stems = tokenize(phrase)
        if stems and all(s in wanted for s in stems) and any(t in offered for e in expansions for t in tokenize(e)):
            covered.update(stems)
    return Coverage(
        tuple(word for stem, word in wanted.items() if stem in covered),
        tuple(word for stem, word in wanted.items() if stem not in covered),
    )


def _step_texts(feature_text: str) -> list[str]:
    return [m.group(2) for m in map(_STEP_LINE.match, feature_text.splitlines()) if m]


def _documented_terms(service: str, feature_text: str) -> set[str]:
    facts = feature_facts(feature_text)
    try:
        index = load_index(service)
    except Exception:  # an unknown service is the checker's to report; coverage then rests on the names alone
        return set()
    docs = [index.operations[op].documentation for op in facts.operations if op in index.operations]
    docs += [f.documentation for f in index.fields if f"{f.operation}:{normalise_path(f.path)}" in facts.fields]
    return set(tokenize(" ".join(docs)))


def _ancestors(field: str) -> list[str]:
    """`Op:A.B.C` and the fields holding it, `Op:A.B` and `Op:A`: their docs say what the leaf belongs to."""
    operation, _, path = field.partition(":")
    parts = path.split(".")
    return [f"{operation}:{'.'.join(parts[:end])}" for end in range(1, len(parts) + 1)]


def manual_steps(feature_text: str) -> int:
    return sum(1 for line in feature_text.splitlines() if _MANUAL.match(line))


def header_line(confidence: Confidence) -> str:
    """The feature's second line: `# controlbot: [draft — ]confidence 0.42 (low): <reason>; <reason>`."""
    draft = "draft — " if confidence.draft else ""
    reasons = "; ".join(one_line(r, REASON_CHARS) for r in confidence.reasons[:3])
    return f"{HEADER_PREFIX}{draft}{confidence.label}: {reasons}".rstrip()


def with_header(feature_text: str, confidence: Confidence) -> str:
    """The feature with its confidence line right after the provenance line (the first line)."""
    first, _, rest = feature_text.partition("\n")
    return f"{first}\n{header_line(confidence)}\n{rest}"


def read_header(feature_text: str) -> tuple[float, str, bool] | None:
    """(score, level, draft) from a feature's confidence line, or None when it has none."""
    lines = feature_text.lstrip("\ufeff").split("\n", 2)
    found = _HEADER.match(lines[1]) if len(lines) > 1 else None
    return (float(found.group(2)), found.group(3), bool(found.group(1))) if found else None


def confidence_markdown(confidence: dict[str, Any]) -> str:
    """The trace's confidence section (from Confidence.to_dict()): score, level, draft or not, every reason."""
    draft = "draft, review before merge" if confidence["draft"] else "not a draft"
    head = f"#### confidence: {confidence['score']:.2f} ({confidence['level']}), {draft}\n"
    reasons = "\n".join(f"- {reason}" for reason in confidence["reasons"])
    return f"{head}levels: {THRESHOLDS}\n\n{reasons}\n"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
