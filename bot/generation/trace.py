"""The trace of one generation: every step's artefact, timing and tokens, as JSON and as markdown."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot.generation.confidence import confidence_markdown


@dataclass
class StepRecord:
    """One step of the pipeline as a reviewer reads it."""

    name: str
    summary: str
    markdown: str
    output: Any
    seconds: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


@dataclass
class Trace:
    """Everything the pipeline did for one request, in order."""

    request_id: str
    provider: str
    model: str
    prompt_version: str
    steps: list[StepRecord] = field(default_factory=list)
    confidence: dict[str, Any] | None = None  # Confidence.to_dict() of a checked feature

    def add(self, record: StepRecord) -> StepRecord:
        self.steps.append(record)
        return record

    @property
    def seconds(self) -> float:
        return sum(s.seconds for s in self.steps)

    @property
    def tokens(self) -> int:
        return sum((s.prompt_tokens or 0) + (s.completion_tokens or 0) for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_markdown(self) -> str:
        head = (
            f"### `{self.request_id}`: reasoning\n"
            f"provider `{self.provider}`, model `{self.model}`, prompt `{self.prompt_version}`, "
            f"{self.seconds:.2f} s, {self.tokens} tokens\n"
        )
        parts = [head]
        for number, step in enumerate(self.steps, 1):
            tokens = f", {step.prompt_tokens}+{step.completion_tokens} tokens" if step.prompt_tokens else ""
            parts.append(f"#### {number}. {step.name}: {step.summary} ({step.seconds:.2f} s{tokens})\n")
            parts.append(step.markdown.rstrip() + "\n")
        if self.confidence is not None:
            parts.append(confidence_markdown(self.confidence))
        return "\n".join(parts)
