"""Checks a .feature: syntax, structure, grammar, grounding in the botocore model, and tags."""

from __future__ import annotations

import re
from typing import Any

from bot.inputs.provenance import read_provenance
from bot.language.feature import ParsedFeature, Scenario, free_text_message, parse_feature
from bot.language.grammar import STEP_KEYWORD_START
from bot.language.grounding import ground
from bot.language.problems import Problem, Report

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SEVERITIES = ("low", "medium", "high", "critical")


def check_feature(
    text: str, file: str, request_id: str | None = None, service: str | None = None, generated: bool | None = None
) -> list[Problem]:
    """Every problem of one feature; `request_id`/`service` come from its sibling request when it has one.
    `generated` (default: a provenance line naming a provider other than "human") makes an assertion that
    cannot fail an error rather than a warning."""
    report = Report(file)
    parsed = parse_feature(text, file)
    for line, message in parsed.syntax_errors:
        report.error(line, f"Gherkin syntax: {message}")
    if parsed.syntax_errors:
        return report.problems
    _check_structure(parsed, text, report)
    _check_tags(parsed, report, request_id, service)
    if generated is None:
        generated = read_provenance(text).get("provider", "human") != "human"  # no provenance line: by hand
    seen: set[tuple[int, str]] = set()
    for scenario in (s for s in parsed.scenarios if s.steps):
        before = len(report.problems)
        _check_scenario(scenario, report, generated)
        fresh = report.problems[before:]
        report.problems[before:] = [p for p in fresh if (p.line, p.message) not in seen]
        seen.update((p.line, p.message) for p in fresh)
    return report.problems


def _check_structure(parsed: ParsedFeature, text: str, report: Report) -> None:
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


def _swallowed(node: dict[str, Any], lines: list[str], report: Report) -> None:
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


def _check_tags(parsed: ParsedFeature, report: Report, request_id: str | None, service: str | None) -> None:
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


def _check_scenario(scenario: Scenario, report: Report, generated: bool) -> None:
    sources = [s for s in scenario.steps if s.step and s.step.kind in ("list", "account")]
    asserts = [s for s in scenario.steps if s.step and s.step.phase == "assert"]
    for entry in scenario.steps:
        if entry.syntax_error:
            report.error(entry.line, entry.syntax_error)
        elif entry.step is None:
            report.error(entry.line, free_text_message(entry.text))
    only_manual = bool(asserts) and all(s.step and s.step.kind == "manual" for s in asserts)
    broken = any(s.syntax_error for s in scenario.steps)  # a malformed listing is said once, by its own line
    if not sources and not only_manual and not broken:
        report.error(scenario.line, f'scenario "{scenario.name}" has no setup step (a listing or an account setting)')
    if len(sources) > 1:
        report.error(sources[1].line, "a scenario has exactly one listing or account-setting step")
    if not asserts and all(s.step is not None for s in scenario.steps):  # else the broken step says it all
        report.error(scenario.line, f'scenario "{scenario.name}" has no assertion ("<path>" must ...)')
    if sources:
        ground(scenario, sources[0], report, generated)
