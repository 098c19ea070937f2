"""Requirements written as a check's description ("This control checks whether …; the control fails if …")
restated as what must hold, so that polarity is read from the demand, not from what the check looks at."""

from __future__ import annotations

import re

_CHECKS = re.compile(
    r"^(?:this|the)\s+(?:control|rule|check)\s+(?:checks|evaluates|verifies|determines|assesses)\s+"
    r"(?:whether|if|that)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_VERDICT = re.compile(
    r"^(?:th(?:e|is)\s+)?(?:controls?|rule|check)\s+(?P<verdict>fails|passes)\s+(?:if|when|for)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_CASES = re.compile(r"^(?:th(?:e|is)\s+)?(?:controls?|rule|check)\s+(?P<verdict>fails|passes)\s+in the following", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<rest>.+)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*])|\n+")
_MODAL = re.compile(r"\b(must|should|shall|has to|have to|needs? to|required)\b", re.IGNORECASE)
# (auxiliary as written, what it demands when the sentence says what passes, when it says what fails)
_AUXILIARIES = (
    (r"(?:doesn't|does not|don't|do not)", "must not", "must"),
    (r"(?:isn't|is not|aren't|are not)", "must not be", "must be"),
    (r"(?:hasn't|has not|haven't|have not)", "must not have", "must have"),
    (r"(?:is|are)", "must be", "must not be"),
    (r"(?:has|have)", "must have", "must not have"),
)


def as_demand(title: str | None, requirement: str) -> str:
    """The requirement with each "fails if X is …" read as "X must not be …" (and each bullet of "fails in the
    following cases"), and "passes if" alike. "Checks whether X is …" says what is looked at, not which way:
    it is read as "X must be …" only when neither the title nor a verdict says more. A title that states a
    demand ("… should not be publicly accessible") leads. Other text is kept as written."""
    sentences = [s.strip() for s in _SENTENCE.split(requirement) if s.strip()]
    checks: list[str] = []
    restated: list[str] = []
    verdicts = 0
    verdict = ""
    for sentence in sentences:
        if cases := _CASES.match(sentence):
            verdict = cases["verdict"].lower()
            continue
        bullet = _BULLET.match(sentence)
        if bullet and verdict:
            restated.append(_demand(bullet["rest"], passing=verdict == "passes"))
            verdicts += 1
            continue
        verdict = ""
        if found := _VERDICT.match(sentence):
            restated.append(_demand(found["rest"], passing=found["verdict"].lower() == "passes"))
            verdicts += 1
        elif found := _CHECKS.match(sentence):
            checks.append(_demand(found["rest"], passing=True))
        else:
            restated.append(sentence)
    if not checks and not verdicts:
        return requirement
    lead = [title.strip().rstrip(".") + "."] if title and _MODAL.search(title) else []
    return " ".join(lead + ([] if lead or verdicts else checks) + [s for s in restated if s])


def _demand(clause: str, passing: bool) -> str:
    """ "an EKS cluster has an endpoint that is public" as a demand: "… must (not) have …"; "" when it has no
    auxiliary verb to turn."""
    found = [
        (match.start(), -len(match[0]), match, passes, fails)
        for written, passes, fails in _AUXILIARIES
        for match in [re.search(rf"\b{written}\b", clause, re.IGNORECASE)]
        if match
    ]
    if not found:
        return ""
    *_, match, passes, fails = min(found, key=lambda f: f[:2])
    return f"{clause[: match.start()]}{passes if passing else fails}{clause[match.end() :]}".strip()
