"""Checks a .feature: syntax, structure, grammar, grounding in the botocore model, and tags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from botocore.model import Shape

from bot.knowledge import shapes
from bot.knowledge.botocore_index import is_read_operation
from bot.knowledge.shapes import PathError, Root
from bot.language.feature import ParsedFeature, Scenario, StepLine, parse_feature
from bot.language.grammar import STEP_KEYWORD_START, Step

Severity = Literal["error", "warning"]
NUMERIC = {"integer", "long", "float", "double"}
_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SEVERITIES = ("low", "medium", "high", "critical")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        kind = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {kind}{self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "severity": self.severity, "message": self.message}


class _Report:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, "error", message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, "warning", message))


def check_feature(text: str, file: str, request_id: str | None = None, service: str | None = None) -> list[Problem]:
    """Every problem of one feature; `request_id`/`service` come from its sibling request when it has one."""
    report = _Report(file)
    parsed = parse_feature(text, file)
    for line, message in parsed.syntax_errors:
        report.error(line, f"Gherkin syntax: {message}")
    if parsed.syntax_errors:
        return report.problems
    _check_structure(parsed, text, report)
    _check_tags(parsed, report, request_id, service)
    seen: set[tuple[int, str]] = set()
    for scenario in (s for s in parsed.scenarios if s.steps):
        before = len(report.problems)
        _check_scenario(scenario, report)
        fresh = report.problems[before:]
        report.problems[before:] = [p for p in fresh if (p.line, p.message) not in seen]
        seen.update((p.line, p.message) for p in fresh)
    return report.problems


def _check_structure(parsed: ParsedFeature, text: str, report: _Report) -> None:
    lines = text.splitlines()
    feature = parsed.ast.get("feature", {})
    _swallowed(feature, lines, report)
    children = feature.get("children", [])
    if not any("scenario" in c or "rule" in c for c in children):
        report.error(parsed.line, "the feature has no Scenario: a control needs at least one")
    for child in children:
        for node in _scenario_nodes(child):
            _swallowed(node, lines, report)
            if not node.get("steps"):
                report.error(node["location"]["line"], f'scenario "{node["name"]}" has no steps')
            for examples in node.get("examples", []):
                if not examples.get("tableHeader") or not examples.get("tableBody"):
                    report.error(examples["location"]["line"], "Examples without rows: the scenario never runs")


def _scenario_nodes(child: dict[str, Any]) -> list[dict[str, Any]]:
    if "scenario" in child:
        return [child["scenario"]]
    if "background" in child:
        return [child["background"]] if child["background"].get("description") else []
    rule = child.get("rule")
    return [n for c in rule.get("children", []) for n in _scenario_nodes(c)] if rule else []


def _swallowed(node: dict[str, Any], lines: list[str], report: _Report) -> None:
    description = node.get("description") or ""
    start = node.get("location", {}).get("line", 1)
    for row in description.splitlines():
        if STEP_KEYWORD_START.match(row):
            line = next((i + 1 for i in range(start - 1, len(lines)) if lines[i].strip() == row.strip()), start)
            report.error(
                line,
                f'step-like line "{row.strip()}" is read as description text, not a step: '
                "put it under a Scenario or Background heading",
            )


def _check_tags(parsed: ParsedFeature, report: _Report, request_id: str | None, service: str | None) -> None:
    line = max(parsed.line - 1, 1)
    control = parsed.tag_value("control")
    if not control:
        report.error(line, "missing tag @control:<id>")
    elif request_id and control != request_id:
        report.error(line, f'tag @control:{control} must equal the file name "{request_id}"')
    elif not _KEBAB.match(control):
        report.error(line, f"tag @control:{control} must be kebab-case")
    tagged_service = parsed.tag_value("service")
    if not tagged_service:
        report.error(line, "missing tag @service:<boto3 client name>")
    elif service and tagged_service != service:
        report.error(line, f'tag @service:{tagged_service} must equal the request\'s service "{service}"')
    severity = parsed.tag_value("severity")
    if severity is None:
        report.warn(line, "missing tag @severity:<low|medium|high|critical>")
    elif severity not in _SEVERITIES:
        report.error(line, f"tag @severity:{severity} is not one of {', '.join(_SEVERITIES)}")
    if parsed.tag_value("category") is None:
        report.warn(line, "missing tag @category:<category>")


def _check_scenario(scenario: Scenario, report: _Report) -> None:
    sources = [s for s in scenario.steps if s.step and s.step.kind in ("list", "account")]
    asserts = [s for s in scenario.steps if s.step and s.step.phase == "assert"]
    for entry in scenario.steps:
        if entry.syntax_error:
            report.error(entry.line, entry.syntax_error)
        elif entry.step is None:
            report.warn(entry.line, f'free-text step "{entry.text}" is not in the control language; it runs as MANUAL')
    if not sources:
        report.error(scenario.line, f'scenario "{scenario.name}" has no setup step (a listing or an account setting)')
    if len(sources) > 1:
        report.error(sources[1].line, "a scenario has exactly one listing or account-setting step")
    manual = any(s.step is None and not s.syntax_error for s in scenario.steps)
    if not asserts and not manual:
        report.error(scenario.line, f'scenario "{scenario.name}" has no assertion ("<path>" must ...)')
    if sources:
        _ground(scenario, sources[0], report)


def _ground(scenario: Scenario, source: StepLine, report: _Report) -> None:
    assert source.step is not None
    root = _source_root(source, report)
    if root is None:
        return
    used_ops: set[str] = {source.step.op_ref}
    service = source.step.service
    for entry in scenario.steps:
        step = entry.step
        if step is None or entry is source:
            continue
        try:
            if step.kind in ("list", "account"):
                continue
            if step.kind == "enrich":
                _check_enrich(step, root, service)
                used_ops.add(step.op_ref)
            elif step.kind == "absent_error":
                _check_absent(step, used_ops, entry, report)
            else:
                _check_condition(step, root)
        except PathError as error:
            report.error(entry.line, str(error))
            if step.kind == "enrich":
                root.members.setdefault(step.operation, None)  # one error, not one per path under it


def _read_op(step: Step) -> Any:
    op = shapes.operation(step.service, step.operation)
    if not is_read_operation(step.operation):
        raise PathError(f'"{step.op_ref}" is not a read operation (Get/Describe/List/BatchGet/Head): never called')
    return op


def _source_root(source: StepLine, report: _Report) -> Root | None:
    step = source.step
    assert step is not None
    try:
        op = _read_op(step)
        missing = [p for p in shapes.required_inputs(op) if p not in shapes.PAGING_PARAMS]
        if missing:
            raise PathError(
                f'"{step.op_ref}" requires {", ".join(missing)}, which a listing cannot supply; list with '
                "an operation that needs no input and enrich each resource with this one"
            )
        response = shapes.output_root(op)
        if step.kind == "account":
            return Root({step.operation: response}, None, "the account-setting document")
        items = shapes.resolve(response, step.items_path)
        item = _item_shape(items, step.items_path)
        root = _item_root(item)
        shapes.resolve(root, step.id_path)
        return root
    except PathError as error:
        report.error(source.line, str(error))
        return None


def _item_shape(items: shapes.Resolved, path: str) -> Shape | None:
    typed = items.shape
    if isinstance(typed, shapes.Seq):
        return typed.elem if isinstance(typed.elem, Shape) else None
    if isinstance(typed, Shape) and typed.type_name == "list":
        return typed.member
    if isinstance(typed, Shape) and typed.type_name == "map":
        raise PathError(f'"{path}" is a map; list its values with "{path}.*"')
    raise PathError(f'"{path}" is not a list of resources in the listing response')


def _item_root(item: Shape | None) -> Root:
    members: dict[str, Shape | Root | None] = {}
    if item is not None and item.type_name == "structure":
        members.update(item.members)
    label = f"list item {item.name}" if item is not None else "the list item"
    return Root(members, item, label)


def _check_enrich(step: Step, root: Root, service: str) -> None:
    if step.service != service:
        raise PathError(f'"{step.op_ref}" is not of the listing\'s service "{service}"')
    op = _read_op(step)
    members = shapes.input_members(op)
    given = {name for name, _, _ in step.params}
    for name, kind, value in step.params:
        if name not in members:
            raise PathError(f'"{step.op_ref}" has no parameter "{name}"; {shapes.suggestion(name, list(members))}')
        if kind == "path":
            shapes.resolve(root, value)
        else:
            _check_literal_param(step, name, members[name], value)
    missing = [p for p in shapes.required_inputs(op) if p not in given]
    if missing:
        raise PathError(f'"{step.op_ref}" requires parameter(s) {", ".join(missing)}; add them with "with"')
    root.members[step.operation] = shapes.output_root(op)


def _check_literal_param(step: Step, name: str, shape: Shape, value: Any) -> None:
    member = getattr(shape, "member", None)
    allowed = shapes.enum_of(member) if shape.type_name == "list" else shapes.enum_of(shape)
    values = value if isinstance(value, list) else [value]
    bad = [v for v in values if allowed and isinstance(v, str) and v not in allowed]
    if bad:
        raise PathError(
            f'"{step.op_ref}" parameter "{name}": {", ".join(map(str, bad))} not allowed; '
            f"{shapes.suggestion(str(bad[0]), allowed)}"
        )


def _check_absent(step: Step, used: set[str], entry: StepLine, report: _Report) -> None:
    op = shapes.operation(step.service, step.operation)
    if step.op_ref not in used:
        report.warn(entry.line, f'"{step.op_ref}" is not called in this scenario; the error rule has no effect')
    codes = [c for e in (op.error_shapes or []) for c in {e.name, getattr(e, "error_code", None) or e.name}]
    if codes and step.error_code not in codes and not step.error_code.endswith(("NotFound", "NotFoundException")):
        report.warn(
            entry.line,
            f'"{step.op_ref}" does not model the error "{step.error_code}"; modelled: {", ".join(codes)}',
        )


def _check_condition(step: Step, root: Root) -> None:
    if step.kind == "expression":
        shapes.resolve(root, step.path)
        return
    resolved = shapes.resolve(root, step.path)
    leaf = resolved.leaf
    if leaf is None:
        return
    values = step.value if step.kind in ("one_of", "not_one_of", "where_one_of") else [step.value]
    if step.kind in ("equals", "not_equals", "one_of", "not_one_of", "where_is", "where_not", "where_one_of"):
        _check_values(step.path, leaf, values)
    if step.kind in ("at_least", "at_most") and leaf.type_name not in NUMERIC:
        raise PathError(f'"{step.path}" is a {leaf.type_name}; "at least/at most" compare numbers')
    is_date = leaf.type_name == "timestamp" or (leaf.type_name == "string" and not shapes.enum_of(leaf))
    if step.kind == "max_age_days" and not is_date:
        raise PathError(f'"{step.path}" is a {leaf.type_name}; "days old" compares timestamps')
    if step.kind in ("contains", "not_contains"):
        typed = resolved.shape
        if not (isinstance(typed, Shape) and typed.type_name == "list"):
            raise PathError(f'"{step.path}" is not a list; "contain" checks list members')
        _check_values(step.path, typed.member, [step.value])


def _check_values(path: str, leaf: Shape, values: list[Any]) -> None:
    allowed = shapes.enum_of(leaf)
    for value in values:
        if leaf.type_name == "boolean" and not isinstance(value, bool):
            raise PathError(f'"{path}" is a boolean; compare it with true or false, not {value!r}')
        if allowed and isinstance(value, str) and value not in allowed:
            raise PathError(f'"{path}": "{value}" is not a valid value; allowed: {", ".join(allowed)}')
        if leaf.type_name == "string" and value is not None and not isinstance(value, str):
            raise PathError(f'"{path}" is a string; compare it with a "quoted" value, not {value!r}')
        if leaf.type_name in NUMERIC and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise PathError(f'"{path}" is a {leaf.type_name}; compare it with a number, not {value!r}')
