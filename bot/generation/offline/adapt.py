"""Adapting a merged control that asks for the same thing: same service, same resource, nearly the same words."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from bot.corpus.examples import Example
from bot.generation.offline.statements import as_demand
from bot.generation.render import feature_title, tags_line
from bot.inputs.intake import ControlRequest
from bot.inputs.provenance import PREFIX
from bot.knowledge.resources import resource_model
from bot.knowledge.vocabulary import tokenize
from bot.language.grammar import parse_step

SAME_WORDS = 0.6  # share of the request's own words the merged control says too …
THEIR_WORDS = 0.25  # … and of the merged control's own words the request says, when no asserted field is shared
SHARED_FIELD_WORDS = 0.5  # share of the request's own words, when the planner chose a field the control asserts
_GENERIC = frozenset(tokenize("must should every each all any resource enabled configured have has"))
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_STEP = re.compile(r"^\s*(?:Given|When|Then|And|But)\s+(.*)$", re.MULTILINE)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_CONTAINED = re.compile(r"contains\([^,()]+,\s*'([^']*)'\)")
_LISTING = re.compile(r'the resources listed by "')
_LISTED = re.compile(r'(?:the resources listed by|the account setting read by) "([^"]+)"')
_ASSERTED = re.compile(r'^\s*(?:Then|And|But)\s+(?:each element of |at least one element of )?"([^"]+)"', re.MULTILINE)


def _own_words(request_text: str, resource: str, service: str) -> set[str]:
    """The requirement's words that say what must hold, beyond naming the resource and its service."""
    return set(tokenize(request_text)) - set(tokenize(f"{resource} {service}")) - _GENERIC


def asserted_paths(text: str) -> set[str]:
    """The paths a feature (or a plan's assertion lines) asserts on."""
    return {path.removesuffix("[]") for path in _ASSERTED.findall(text)}


def _listed(text: str) -> str:
    """The call a feature (or a plan's setup) lists its resources, or reads its account setting, with."""
    found = _LISTED.search(text)
    return found[1] if found else ""


def _same_resource(request: ControlRequest, example: Example, listing: str) -> bool:
    """The example is about the request's resource, or about a broader kind of it: a control on "EC2 security
    group" serves "VPC default security group", one on "RDS DB instance" serves "RDS for MySQL DB instance".
    Not when the narrower kind is a resource of its own (ListCustomRoutingAccelerators), another resource with
    the same words ("Direct Connect connection" for a link aggregation group), or read as an account setting."""
    service = set(tokenize(request.service))
    theirs = [w for w in tokenize(example.resource) if w not in service]
    mine = [w for w in tokenize(request.resource) if w not in service]
    if set(theirs) == set(mine):
        return bool(theirs)
    if not theirs or not set(theirs) <= set(mine) or theirs[-1] != mine[-1]:
        return False
    if listing and _listed(listing) == _listed(example.feature_text):
        return True
    kind = set(mine) - set(theirs) | {mine[-1]}
    own_type = any(kind <= set(tokenize(lst.operation)) for lst in resource_model(request.service).listings)
    return bool(_LISTING.match(listing)) and not own_type


def _asserted_words(text: str) -> set[str]:
    """The words of what a feature's assertions read: their paths, and the fields their expressions name."""
    return {w for line in text.splitlines() if " must " in line for w in tokenize(" ".join(_QUOTED.findall(line)))}


def _reads_a_sibling(mine: set[str], planned: set[str], listing: str, example: Example) -> bool:
    """The planner chose another field of what the example lists, one whose name says words of the request that
    the example's fields do not: RootVolumeEncryptionEnabled where the example asserts UserVolumeEncryptionEnabled."""
    if not listing or _listed(listing) != _listed(example.feature_text):
        return False
    theirs = mine & _asserted_words(example.feature_text)
    chosen = mine & set(tokenize(" ".join(planned)))
    return len(chosen) > len(theirs) and bool(chosen - theirs)


def _same_thing(request: ControlRequest, example: Example, planned: set[str], listing: str) -> bool:
    resource = example.resource
    if example.service != request.service or not _same_resource(request, example, listing):
        return False
    said = as_demand(request.title, request.requirement)
    mine = _own_words(f"{request.title or ''} {said}", request.resource, request.service)
    theirs = _own_words(example.search_text, resource, example.service)
    if not mine or not theirs or not _numbers_agree(request, example) or not _some_scenario_agrees(request, example):
        return False
    shared = len(mine & theirs)
    if planned & asserted_paths(example.feature_text):  # the planner reads it as the same field too
        return shared / len(mine) >= SHARED_FIELD_WORDS
    if _reads_a_sibling(mine, planned, listing, example):
        return False
    return shared / len(mine) >= SAME_WORDS and shared / len(theirs) >= THEIR_WORDS


def _numbers_agree(request: ControlRequest, example: Example) -> bool:
    """Every number the requirement names (30 days) is one the merged control names too (not 90 days)."""
    theirs = set(_NUMBER.findall(f"{example.request_text}\n{example.feature_text}"))
    return set(_NUMBER.findall(request.requirement)) <= theirs


def _values_agree(request: ControlRequest, example: Example, lines: list[str]) -> bool:
    """Every value the lines require that the merged control's requirement names ("audit" and "authenticator"
    logs) the request names too: "audit logs" alone does not ask for the authenticator log. A list of allowed
    values is a choice, not a demand."""
    values: list[str] = []
    for line in lines:
        if _STEP.match(line) and " must " in line:
            asked = line.rsplit(" must ", 1)[-1]
            values += _CONTAINED.findall(line) + ([] if " one of " in asked else _QUOTED.findall(asked))
    named = set(tokenize(" ".join(values))) & set(tokenize(example.search_text)) - _GENERIC
    return named <= set(tokenize(f"{request.title or ''} {request.requirement}"))


def _scenarios(lines: list[str]) -> list[list[str]]:
    """The lines of each scenario; none when there is no scenario or a Rule groups them."""
    starts = [i for i, row in enumerate(lines) if re.match(r"\s*Scenario", row)]
    if not starts or any(re.match(r"\s*Rule", row) for row in lines):
        return []
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _some_scenario_agrees(request: ControlRequest, example: Example) -> bool:
    lines = example.feature_text.splitlines()
    return any(_values_agree(request, example, s) for s in _scenarios(lines) or [lines])


def adaptable(request: ControlRequest, examples: list[Example], planned: set[str], listing: str = "") -> Example | None:
    """The nearest example about the same resource of the same service that asks for the same thing: one whose
    asserted fields the planner chose too and that shares half the request's words, or one that shares most
    words both ways. `listing` is the planner's first setup step."""
    return next((e for e in examples if _same_thing(request, e, planned, listing)), None)


def _filter_values(scenario: list[str]) -> set[str]:
    """The string values the scenario's filters name (`only resources where "Engine" is one of [...]`)."""
    values: set[str] = set()
    for line in scenario:
        found = _STEP.match(line)
        step = parse_step(found[1]) if found else None
        if step is not None and step.phase == "filter" and step.kind in ("where_is", "where_one_of"):
            named = step.value if isinstance(step.value, list) else [step.value]
            values |= {v.lower() for v in named if isinstance(v, str)}
    return values


def _narrowed(scenarios: list[list[str]], keep: list[bool]) -> list[list[str]]:
    """The scenarios kept, unless the test keeps none or all of them."""
    return [s for s, k in zip(scenarios, keep, strict=True) if k] if any(keep) and not all(keep) else scenarios


def _scenarios_asked(
    steps: list[str], request: ControlRequest, planned: AbstractSet[str], example: Example
) -> list[str]:
    """The scenarios the request asks for: those whose values it names, of them those asserting a field the
    planner chose, and of them those whose filters pick values the requirement names (its own engine, not
    every engine the merged control covers)."""
    scenarios = _scenarios(steps)
    if not scenarios:
        return steps
    head = steps[: len(steps) - sum(map(len, scenarios))]
    scenarios = _narrowed(scenarios, [_values_agree(request, example, s) for s in scenarios])
    scenarios = _narrowed(scenarios, [bool(asserted_paths("\n".join(s)) & planned) for s in scenarios])
    text = request.requirement.lower()
    named = [any(re.search(rf"\b{re.escape(v)}\b", text) for v in _filter_values(s)) for s in scenarios]
    return head + [row for s in _narrowed(scenarios, named) for row in s]


def adapt(example: Example, request: ControlRequest, planned: AbstractSet[str] = frozenset()) -> str:
    """The example's steps (the scenarios the request asks for) under the request's own tags, title and
    description, saying where they came from."""
    lines = [row for row in example.feature_text.splitlines() if not row.startswith(PREFIX)]
    start = next(i for i, row in enumerate(lines) if row.lstrip().startswith("Feature:"))
    body = next((i for i in range(start + 1, len(lines)) if re.match(r"\s*(Background|Scenario|Rule)", lines[i])), None)
    steps = _scenarios_asked(lines[body:], request, planned, example) if body is not None else []
    description = " ".join(request.requirement.split())
    head = [f"# adapted from control {example.id}", tags_line(request), f"Feature: {feature_title(request)}"]
    return "\n".join([*head, f"  {description}", "", *steps]).rstrip() + "\n"
