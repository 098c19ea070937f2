"""A reviewer's feedback, read offline: the operations, fields and values of the service it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField

FIELD_BOOST = 3.0  # a field the reviewer names outranks anything retrieval prefers
OPERATION_BOOST = 1.5
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\[\]-]*[A-Za-z0-9\]]")


@dataclass(frozen=True)
class Feedback:
    """What the feedback names that the engine can act on, and what it said when it could not."""

    text: str
    operations: frozenset[str]
    fields: frozenset[str]  # leaf names or dotted paths, as written

    @property
    def used(self) -> bool:
        return bool(self.operations or self.fields)

    def boost(self, scored: ScoredField) -> float:
        bonus = OPERATION_BOOST if scored.operation in self.operations else 0.0
        path = scored.path.replace("[]", "")
        if any(path == f or path.endswith("." + f) or path.split(".")[-1] == f for f in self.fields):
            bonus += FIELD_BOOST
        return bonus

    def note(self, service: str, example: ScoredField | None) -> str:
        if not self.text.strip():
            return ""
        if self.used:
            named = sorted(self.operations | self.fields)
            return f"feedback used offline: it names {', '.join(named)}"
        hint = f" (as written in the Boto3 context, e.g. {example.operation} or {example.path})" if example else ""
        return (
            f"feedback not used offline: it names no operation or response field of {service}; name one"
            f"{hint}, or regenerate with a model"
        )


def read_feedback(service: str, text: str | None, fields: tuple[ScoredField, ...]) -> Feedback:
    """The service's operations and the candidate fields (by leaf or dotted path) the feedback names."""
    if not text:
        return Feedback("", frozenset(), frozenset())
    names = {m.rstrip(".") for m in _NAME.findall(text)}
    operations = frozenset(n for n in names if n in set(shapes.service_model(service).operation_names))
    leaves = {f.path.replace("[]", "").split(".")[-1] for f in fields}
    paths = {f.path.replace("[]", "") for f in fields}
    named_fields = frozenset(
        n.replace("[]", "")
        for n in names - operations
        if n.replace("[]", "") in leaves or any(p.endswith(n.replace("[]", "")) for p in paths if "." in n)
    )
    return Feedback(text, operations, frozenset(f for f in named_fields if len(f) > 2))
