"""The plan model and its deterministic rendering into a .feature text."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.inputs.intake import ControlRequest
from bot.language.grammar import STEP_KEYWORD_START


class Analysis(BaseModel):
    """What the analyse step says the control checks."""

    model_config = ConfigDict(extra="ignore")
    resource: str
    property: str
    conditions: list[str] = Field(min_length=1)


class Plan(BaseModel):
    """Setup, filter and assertion steps, each a line of the control language without its keyword."""

    model_config = ConfigDict(extra="ignore")
    setup: list[str] = Field(min_length=1)
    filters: list[str] = Field(default_factory=list)
    assertions: list[str] = Field(min_length=1)
    confidence: float | None = None  # the planner's own estimate, 0–1
    reasons: list[str] = Field(default_factory=list)  # short sentences: ties, inferred polarity, uncovered terms

    @field_validator("confidence", mode="before")
    @classmethod
    def _usable_confidence(cls, value: Any) -> float | None:
        """A missing, non-numeric or out-of-range estimate counts as none given: it never fails the plan."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            return None
        return float(value)

    @field_validator("reasons", mode="before")
    @classmethod
    def _reason_list(cls, value: Any) -> list[str]:
        """One reason given as text is a list of one; anything else that is not text is dropped."""
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item for item in items if isinstance(item, str)]


def tags_line(request: ControlRequest) -> str:
    tags = [f"@control:{request.id}", f"@service:{request.service}"]
    tags.append(f"@severity:{request.severity or 'medium'}")
    tags.append(f"@category:{request.category or 'other'}")
    tags.extend(f"@maps:{ref}" for ref in request.frameworks)
    return " ".join(tags)


def feature_title(request: ControlRequest) -> str:
    if request.title:
        return request.title
    first = request.requirement.strip().split(". ")[0].rstrip(".")
    return first if len(first) <= 100 else first[:97].rstrip() + "..."


def feature_description(request: ControlRequest) -> str:
    """The requirement on one line; one starting like a step ("When a cluster ...") would be misread."""
    text = " ".join(request.requirement.split())
    return f"Requirement: {text}" if STEP_KEYWORD_START.match(text) else text


def _keyworded(first: str, lines: list[str]) -> list[str]:
    return [f"    {first if i == 0 else 'And'} {line.strip()}" for i, line in enumerate(lines)]


def render_feature(request: ControlRequest, plan: Plan, scenario: str = "") -> str:
    """A complete feature (no provenance line) holding the plan's steps, in the layout of DESIGN.md."""
    description = feature_description(request)
    lines = [
        tags_line(request),
        f"Feature: {feature_title(request)}",
        f"  {description}",
        "",
        "  Background:",
        *_keyworded("Given", plan.setup),
        "",
        f"  Scenario: {scenario or request.resource + ' complies'}",
        *_keyworded("When", plan.filters),
        *_keyworded("Then", plan.assertions),
    ]
    return "\n".join(lines) + "\n"
