"""`controlbot validate [PATH ...]`: check features (and their sibling requests) against the model."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.inputs.control_tests import SUFFIX, ControlTestError, load_control_tests
from bot.inputs.errors import RequestError
from bot.inputs.files import find_features
from bot.inputs.intake import load_request
from bot.inputs.safe_text import safe_lines
from bot.language.checker import check_feature
from bot.language.feature import read_feature_file
from bot.language.problems import Problem


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.add_argument("paths", nargs="*", type=Path, help="feature files or folders (default: controls/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def validate_file(path: Path) -> list[Problem]:
    """The problems of one feature, checked against its sibling request when there is one."""
    request_id = service = None
    problems: list[Problem] = []
    sibling = path.with_suffix(".yaml")
    if sibling.is_file():
        try:
            request = load_request(sibling)
            request_id, service = request.id, request.service
        except RequestError as error:
            message = f"key '{error.key}': {error.message}" if error.key else error.message
            problems.append(Problem(str(sibling), error.line or 1, "error", message))
    problems += _test_file_problems(path)
    text, problem = read_feature_file(path)
    if problem:
        return [*problems, Problem(str(path), 1, "error", problem)]
    return problems + check_feature(text, str(path), request_id, service)


def _test_file_problems(feature: Path) -> list[Problem]:
    """The sibling test case file is checked too: a broken one would only show when `controlbot test` runs."""
    sibling = feature.with_name(feature.stem + SUFFIX)
    if not sibling.is_file():
        return []
    try:
        load_control_tests(sibling)
    except ControlTestError as error:
        message = f"key '{error.key}': {error.message}" if error.key else error.message
        return [Problem(str(sibling), error.line or 1, "error", message)]
    return []


def run(args: argparse.Namespace) -> int:
    features = find_features(args.paths or [Path("controls")])
    problems = [p for feature in features for p in validate_file(feature)]
    errors = sum(p.severity == "error" for p in problems)
    if args.format == "json":
        out = {"files": len(features), "errors": errors, "problems": [p.to_json() for p in problems]}
        print(json.dumps(out, indent=2))
    else:
        for problem in problems:
            print(safe_lines(str(problem)))
        print(
            f"{len(features)} feature(s) checked: {errors} error(s), {len(problems) - errors} warning(s)",
            file=sys.stderr,
        )
    return 1 if errors else 0
