"""Checks benchmarks/varied.yaml against the installed botocore models: schema, operations, field paths."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot.inputs.errors import ControlbotError
from bot.inputs.intake import parse_request
from bot.knowledge import shapes
from bot.knowledge.operation_policy import operation_refusal

VARIED = Path(__file__).resolve().parent / "varied.yaml"
REQUIRED = ("id", "service", "resource", "requirement", "category", "expected_operations", "expected_fields")
OPTIONAL = ("title", "compliant_when", "alternatives")
REQUEST_KEYS = ("service", "resource", "requirement", "category", "title")
MIN_ENTRIES = 45
MIN_SERVICES = 25


def load(path: Path) -> list[dict[str, Any]]:
    """The benchmark's entries, in file order."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise SystemExit(f"{path}: must be a list of mappings")
    return entries


def schema_problems(entry: dict[str, Any]) -> list[str]:
    """Missing or unknown keys, wrong types, and a request part that controlbot itself would refuse."""
    problems = [f"missing key {key}" for key in REQUIRED if key not in entry]
    problems += [f"unknown key {key}" for key in entry if key not in REQUIRED + OPTIONAL]
    for key in ("expected_operations", "expected_fields", "alternatives"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problems.append(f"{key} must be a list of text")
    if not entry.get("expected_operations") or not entry.get("expected_fields"):
        problems.append("expected_operations and expected_fields must not be empty")
    request = yaml.safe_dump({k: entry[k] for k in REQUEST_KEYS if k in entry}).encode()
    try:
        parse_request(request, f"controls/{entry.get('service')}/{entry.get('id')}.yaml")
    except ControlbotError as error:
        problems.append(f"controlbot refuses the request: {error}")
    return problems


def operation_problems(service: str, operations: list[str]) -> list[str]:
    """Operations that do not exist in the service's model or that `check` would refuse to call."""
    problems = []
    for name in operations:
        try:
            shapes.operation(service, name)
        except shapes.PathError as error:
            problems.append(str(error))
            continue
        refusal = operation_refusal(service, name)
        if refusal is not None:
            problems.append(f"{service}.{name} is refused: {refusal}")
    return problems


def resolves(service: str, operation: str, path: str) -> str | None:
    """None when path resolves from the output root of operation, else why not."""
    try:
        shapes.resolve(shapes.output_root(shapes.operation(service, operation)), path)
    except shapes.PathError as error:
        return str(error)
    return None


def field_problems(entry: dict[str, Any]) -> list[str]:
    """The first field must resolve from the primary operation, each other from one of the operations."""
    service, operations = entry["service"], entry["expected_operations"]
    fields = entry["expected_fields"]
    problems = []
    first = resolves(service, operations[0], fields[0])
    if first is not None:
        problems.append(f"primary field {fields[0]} on {operations[0]}: {first}")
    for path in fields[1:]:
        why = [resolves(service, op, path) for op in operations]
        if all(why):
            problems.append(f"field {path} resolves from none of {operations}: {why[0]}")
    for alternative in entry.get("alternatives") or []:
        operation, _, path = alternative.partition(":")
        problems += operation_problems(service, [operation])
        why_not = resolves(service, operation, path) if not problems else None
        if why_not is not None:
            problems.append(f"alternative {alternative}: {why_not}")
    return problems


def entry_problems(entry: dict[str, Any]) -> list[str]:
    """Everything wrong with one entry (schema first: the model checks need a well-formed entry)."""
    problems = schema_problems(entry)
    if problems:
        return problems
    problems = operation_problems(entry["service"], entry["expected_operations"])
    return problems or field_problems(entry)


def set_problems(entries: list[dict[str, Any]]) -> list[str]:
    """Duplicate ids and a set too small to measure on."""
    problems = [f"duplicate id {i}" for i, n in Counter(e.get("id") for e in entries).items() if n > 1]
    services = {e.get("service") for e in entries}
    if len(entries) < MIN_ENTRIES:
        problems.append(f"{len(entries)} entries, fewer than {MIN_ENTRIES}")
    if len(services) < MIN_SERVICES:
        problems.append(f"{len(services)} services, fewer than {MIN_SERVICES}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print one line per entry with a problem and a summary; exit 1 when anything is wrong."""
    parser = argparse.ArgumentParser(description=__doc__, epilog="Run it from the project's root.")
    parser.add_argument("bench", nargs="?", type=Path, default=VARIED, help="default: benchmarks/varied.yaml")
    args = parser.parse_args(argv)
    entries = load(args.bench)
    problems = set_problems(entries)
    for entry in entries:
        problems += [f"{entry.get('id')}: {p}" for p in entry_problems(entry)]
    for problem in problems:
        print(problem)
    checked = sum(len(e.get("expected_operations") or []) for e in entries)
    paths = sum(len(e.get("expected_fields") or []) + len(e.get("alternatives") or []) for e in entries)
    services = len({e.get("service") for e in entries})
    print(f"{len(entries)} entries over {services} services: {checked} operations and {paths} paths checked, "
          f"{len(problems)} problem(s)")  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
