"""The corpus in controls/: every pair loads and checks clean, and the hand-written seeds are grounded."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jmespath
import pytest

from bot.inputs.intake import load_request
from bot.knowledge.shapes import service_model
from bot.language.checker import check_feature
from bot.language.feature import StepLine, parse_feature
from bot.language.problems import Problem
from tests.paths import REPO

CONTROLS = REPO / "controls"
PROVENANCE = re.compile(
    r"^# controlbot: request-sha256=([0-9a-f]{64}) provider=(\S+) model=(\S+) prompt=(\S+)( review=(accepted|edited|rewritten))?$"
)
MARKERS = re.compile(r"\[[^\]]*\]|\*")

REQUESTS = sorted(p for p in CONTROLS.rglob("*.yaml") if not p.name.endswith(".test.yaml"))
FEATURES = sorted(CONTROLS.rglob("*.feature"))


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _is_seed(feature: Path) -> bool:
    match = PROVENANCE.match(feature.read_text(encoding="utf-8").split("\n", 1)[0])
    return match is not None and match[2] == "human"


SEEDS = [f for f in FEATURES if _is_seed(f)]


def _check(feature: Path, text: str | None = None) -> list[Problem]:
    request = load_request(feature.with_suffix(".yaml"))
    body = feature.read_text(encoding="utf-8") if text is None else text
    return check_feature(body, _rel(feature), request.id, request.service)


# --- every pair in the corpus ---------------------------------------------------------------------------


def test_every_request_has_its_feature_and_every_feature_its_request() -> None:
    assert {p.with_suffix("") for p in REQUESTS} == {p.with_suffix("") for p in FEATURES}


@pytest.mark.parametrize("path", REQUESTS, ids=_rel)
def test_request_loads_under_its_service_folder(path: Path) -> None:
    request = load_request(path)
    assert request.id == path.stem
    assert request.service == path.parent.name


@pytest.mark.parametrize("path", FEATURES, ids=_rel)
def test_feature_passes_the_checker(path: Path) -> None:
    problems = _check(path)
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("path", FEATURES, ids=_rel)
def test_provenance_hash_matches_the_request_bytes(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = PROVENANCE.match(first)
    assert match, f"{_rel(path)}: first line is not a provenance comment: {first!r}"
    request_bytes = path.with_suffix(".yaml").read_bytes()
    assert match[1] == hashlib.sha256(request_bytes).hexdigest()
    assert match[1] == load_request(path.with_suffix(".yaml")).sha256


def test_corpus_is_broad_enough() -> None:
    requests = [load_request(p) for p in REQUESTS]
    assert len(requests) >= 12
    assert len({r.service for r in requests}) >= 8
    assert len({r.category for r in requests if r.category}) >= 6


# --- seeds: clean, tagged like their request ----------------------------------------------------------


def test_seed_corpus_is_broad_enough() -> None:
    requests = [load_request(p.with_suffix(".yaml")) for p in SEEDS]
    assert len(requests) >= 14
    assert len({r.service for r in requests}) >= 9
    assert len({r.category for r in requests if r.category}) >= 7


@pytest.mark.parametrize("path", SEEDS, ids=_rel)
def test_seed_has_no_warnings_and_tags_its_request(path: Path) -> None:
    assert [str(p) for p in _check(path)] == []
    request = load_request(path.with_suffix(".yaml"))
    parsed = parse_feature(path.read_text(encoding="utf-8"))
    assert parsed.tag_value("severity") == request.severity
    assert parsed.tag_value("category") == request.category
    assert sorted(t.removeprefix("@maps:") for t in parsed.tags if t.startswith("@maps:")) == sorted(request.frameworks)


# --- field paths read from JMESPath (for the mutations below) ---------------------------------------------------------------


def _normal(field: str) -> str:
    return ".".join(part for part in MARKERS.sub("", field).split(".") if part)


def _expression_paths(expression: str) -> list[str]:
    """Dotted field chains read by a JMESPath expression (literals and function names left out)."""

    def chain(node: dict[str, Any]) -> tuple[str, list[str]]:
        kind, kids = node["type"], [k for k in node.get("children", []) if isinstance(k, dict)]
        if kind == "field":
            return str(node["value"]), []
        if kind in ("subexpression", "index_expression", "projection", "flatten", "filter_projection"):
            parts = [chain(kid) for kid in (kids[:2] if kind == "filter_projection" else kids)]
            inner = [c for _, more in parts for c in more]
            if kind == "filter_projection":
                condition, deeper = chain(kids[2])
                inner += [f"{parts[0][0]}.{c}" for c in [condition, *deeper] if c]
            return ".".join(path for path, _ in parts if path), inner
        found: list[str] = []
        for kid in kids:
            path, more = chain(kid)
            found += [path, *more]
        return "", found

    top, inner = chain(dict(jmespath.compile(expression).parsed))
    return [c for c in [top, *inner] if c]


# --- a misspelled name in any seed is caught, at its line, with the closest valid names -----------------


@dataclass(frozen=True)
class Mutation:
    line: int  # the line the checker must report
    edit_line: int  # the line whose text changes
    old: str
    new: str
    name: str = ""  # the field name changed, when a field name is changed
    map_key: bool = False

    def apply(self, text: str) -> str:
        lines = text.split("\n")
        assert self.old in lines[self.edit_line - 1], (self.old, lines[self.edit_line - 1])
        lines[self.edit_line - 1] = lines[self.edit_line - 1].replace(self.old, self.new, 1)
        return "\n".join(lines)


@cache
def _service_names(service: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every field name of a service's documents, and every enum value of its map keys."""
    model = service_model(service)
    members: set[str] = set(model.operation_names)  # an enrichment's response sits under its operation
    keys: set[str] = set()
    for name in model.shape_names:
        shape = model.shape_for(name)
        if shape.type_name == "structure":
            members.update(shape.members)
        elif shape.type_name == "map":
            keys.update(getattr(shape.key, "enum", None) or [])
    return frozenset(members), frozenset(keys)


def _field_mutations(line: int, path: str, context: str, expression: bool, service: str) -> list[Mutation]:
    """Append X to each field name of `path` in turn; `context` places the path in its line ("{}")."""
    chains = _expression_paths(path) if expression else [_normal(path)]
    names = {name for chain in chains for name in chain.split(".") if name}
    members, _ = _service_names(service)
    return [
        Mutation(
            line,
            line,
            context.format(path),
            context.format(re.sub(rf"\b{name}\b", f"{name}X", path)),
            name,
            map_key=name not in members,
        )
        for name in sorted(names)
    ]


def _step_mutations(entry: StepLine, lines: list[str], service: str) -> list[Mutation]:
    step = entry.step
    assert step is not None
    line = entry.line
    found: list[Mutation] = []
    if step.operation:
        ref = f'"{step.service}.{step.operation}"'
        found.append(Mutation(line, line, ref, f'"{step.service}.{step.operation}X"'))
    fields: list[tuple[str, str]] = [(step.items_path, 'at "{}"'), (step.id_path, 'identified by "{}"')]
    if step.phase != "setup":
        fields.append((step.path, '"{}"'))
    for offset, (name, kind, value) in enumerate(step.params):
        row = line + 1 + offset
        if entry.table:
            found.append(Mutation(line, row, f"| {name} ", f"| {name}X "))
        else:
            joiner = "with" if offset == 0 else "and"  # several parameters: with "A" … and "B" …
            found.append(Mutation(line, line, f'{joiner} "{name}"', f'{joiner} "{name}X"'))
        if kind == "path":
            fields.append((value, "| {} " if entry.table else 'from "{}"'))
    for path, context in fields:
        if path and path != "@":
            found += _field_mutations(line, path, context, step.kind == "expression", service)
    return found


def _mutations(feature: Path) -> list[Mutation]:
    text = feature.read_text(encoding="utf-8")
    service = load_request(feature.with_suffix(".yaml")).service
    lines = text.split("\n")
    entries = [e for s in parse_feature(text).scenarios for e in s.steps if e.step is not None]
    unique = {e.line: e for e in entries}  # Background steps come back once per scenario
    return [m for line in sorted(unique) for m in _step_mutations(unique[line], lines, service)]


def _caught(feature: Path, mutation: Mutation) -> bool:
    problems = _check(feature, mutation.apply(feature.read_text(encoding="utf-8")))
    return any(p.severity == "error" and p.line == mutation.line and "closest valid" in p.message for p in problems)


@pytest.mark.parametrize("path", SEEDS, ids=_rel)
def test_misspelled_operation_parameter_or_field_is_reported_with_closest_names(path: Path) -> None:
    mutations = [m for m in _mutations(path) if not m.map_key]
    assert len(mutations) >= 3
    missed = [f"line {m.line}: {m.old} -> {m.new}" for m in mutations if not _caught(path, m)]
    assert missed == []


@pytest.mark.parametrize("path", SEEDS, ids=_rel)
def test_seed_reads_map_keys_only_from_maps_whose_keys_the_model_enumerates(path: Path) -> None:
    # A key of a free-form map (SNS topic attributes, say) cannot be checked, so no seed teaches one.
    _, keys = _service_names(load_request(path.with_suffix(".yaml")).service)
    assert [m.name for m in _mutations(path) if m.map_key and m.name not in keys] == []


MAP_KEY_CASES = [(p, m) for p in SEEDS for m in _mutations(p) if m.map_key]


@pytest.mark.parametrize("case", MAP_KEY_CASES, ids=[f"{_rel(p)}:{m.line}:{m.name}" for p, m in MAP_KEY_CASES])
def test_misspelled_map_key_is_reported_with_closest_names(case: tuple[Path, Mutation]) -> None:
    path, mutation = case
    assert _caught(path, mutation)
