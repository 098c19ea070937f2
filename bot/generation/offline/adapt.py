"""Adapting a merged control that asks for the same thing: same service, same resource, nearly the same words."""

from __future__ import annotations

import re

from bot.corpus.examples import Example
from bot.generation.render import feature_title, tags_line
from bot.inputs.intake import ControlRequest
from bot.inputs.provenance import PREFIX
from bot.knowledge.vocabulary import tokenize

SAME_WORDS = 0.7  # share of the request's own words the merged control says too …
THEIR_WORDS = 0.5  # … and of the merged control's own words the request says, when no asserted field is shared
_GENERIC = frozenset(tokenize("must should every each all any resource enabled configured have has"))
_ASSERTED = re.compile(r'^\s*(?:Then|And|But)\s+(?:each element of |at least one element of )?"([^"]+)"', re.MULTILINE)


def _own_words(request_text: str, resource: str, service: str) -> set[str]:
    """The requirement's words that say what must hold, beyond naming the resource and its service."""
    return set(tokenize(request_text)) - set(tokenize(f"{resource} {service}")) - _GENERIC


def asserted_paths(text: str) -> set[str]:
    """The paths a feature (or a plan's assertion lines) asserts on."""
    return set(_ASSERTED.findall(text))


def _same_thing(request: ControlRequest, example: Example, planned: set[str]) -> bool:
    resource = example.resource
    if example.service != request.service or set(tokenize(resource)) != set(tokenize(request.resource)):
        return False
    mine = _own_words(f"{request.title or ''} {request.requirement}", request.resource, request.service)
    theirs = _own_words(example.search_text, resource, example.service)
    if not mine or not theirs:
        return False
    shared = len(mine & theirs)
    if planned & asserted_paths(example.feature_text):  # the planner reads it as the same field too
        return shared / len(mine) >= THEIR_WORDS
    return shared / len(mine) >= SAME_WORDS and shared / len(theirs) >= THEIR_WORDS


def adaptable(request: ControlRequest, examples: list[Example], planned: set[str]) -> Example | None:
    """The nearest example about the same resource of the same service that asks for the same thing: one whose
    asserted fields the planner chose too and that shares half the request's words, or one that shares most
    words both ways."""
    return next((e for e in examples if _same_thing(request, e, planned)), None)


def adapt(example: Example, request: ControlRequest) -> str:
    """The example's steps under the request's own tags, title and description, saying where they came from."""
    lines = [row for row in example.feature_text.splitlines() if not row.startswith(PREFIX)]
    start = next(i for i, row in enumerate(lines) if row.lstrip().startswith("Feature:"))
    body = next((i for i in range(start + 1, len(lines)) if re.match(r"\s*(Background|Scenario|Rule)", lines[i])), None)
    steps = lines[body:] if body is not None else []
    description = " ".join(request.requirement.split())
    head = [f"# adapted from control {example.id}", tags_line(request), f"Feature: {feature_title(request)}"]
    return "\n".join([*head, f"  {description}", "", *steps]).rstrip() + "\n"
