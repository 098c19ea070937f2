"""How sure the offline engine is of its plan, and why: coverage of the requirement, ties, inferred values."""

from __future__ import annotations

from bot.generation.offline.conditions import covered_terms, predicate_terms
from bot.generation.offline.scope import Candidate

TIE_MARGIN = 0.15  # a runner-up this close is a coin toss between two fields
CLEAR_MARGIN = 0.6


def certainty(best: Candidate, ranked: list[Candidate], chosen: list[Candidate], requirement: str, resource: str
              ) -> tuple[float, list[str]]:  # fmt: skip
    """(confidence between 0 and 1, reasons) for the plan built on `chosen` (best first)."""
    reasons: list[str] = []
    wanted = predicate_terms(requirement, resource)
    covered = frozenset().union(*(covered_terms(c, wanted, values=True) for c in chosen)) if wanted else frozenset()
    coverage = len(covered) / len(wanted) if wanted else 0.5
    if wanted:
        missing = sorted(wanted - covered)
        reasons.append(
            f"the chosen fields speak of {len(covered)} of {len(wanted)} terms of the requirement"
            + (f" (not: {', '.join(missing[:5])})" if missing else "")
        )
    runner_up = max((c for c in ranked if c.path != best.path), key=lambda c: c.score, default=None)
    margin = best.score - runner_up.score if runner_up else CLEAR_MARGIN
    if runner_up is not None and margin < TIE_MARGIN:
        reasons.append(f'close call: "{runner_up.path}" scored within {margin:.2f} of "{best.path}"')
    value = min(best.confidence / 0.8, 1.0)
    if best.confidence < 0.45:
        reasons.append("the asserted value is a guess: the requirement names no value and the field has none known")
    score = 0.4 * coverage + 0.35 * max(value, 0.0) + 0.25 * min(margin / CLEAR_MARGIN, 1.0)
    return round(min(max(score, 0.0), 1.0), 2), reasons
