"""`controlbot test [PATH ...]`: run each control's test cases (`<id>.test.yaml`) on in-process moto."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.inputs.control_tests import SUFFIX, ControlTestError, load_control_tests
from bot.inputs.errors import UsageError
from bot.inputs.files import find_features
from bot.inputs.safe_text import safe_lines
from bot.runner.cases import ControlResult, Sandbox, run_control_tests

MOTO_MISSING = (
    "controlbot test runs test cases on moto, which is not installed here: pip install 'controlbot[test]' "
    "(or pip install 'moto>=5')"
)
_ORDER = ("PASS", "FAIL", "SKIP", "ERROR")
_HIDDEN_ENV = (
    "AWS_ENDPOINT_URL",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
)


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.add_argument("paths", nargs="*", type=Path, help="feature files or folders (default: controls/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def moto_sandbox() -> Sandbox:
    """A fresh in-process moto account per case; nothing leaves the process."""
    try:
        import boto3
        from moto import mock_aws
    except ImportError:
        raise UsageError(MOTO_MISSING) from None

    @contextmanager
    def sandbox(region: str) -> Iterator[Any]:
        # moto intercepts only the AWS host names it knows: an endpoint override would send setup calls to a
        # real endpoint, and a named profile could point at one, so neither is seen inside the sandbox.
        hidden = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith(_HIDDEN_ENV)}
        try:
            with mock_aws():
                yield boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
        finally:
            os.environ.update(hidden)

    return sandbox


def _test_one(feature_path: Path, sandbox: Sandbox) -> ControlResult | None:
    """The feature's result, or None when it has no test file beside it."""
    from bot.cli.check import load_features
    from bot.cli.validate import validate_file

    test_path = feature_path.with_name(feature_path.stem + SUFFIX)
    if not test_path.is_file():
        return None
    try:
        tests = load_control_tests(test_path)
    except ControlTestError as error:
        return ControlResult(feature_path.stem, test_path.as_posix(), "ERROR", reason=str(error))
    controls, broken = load_features([feature_path])
    if broken:
        return ControlResult(feature_path.stem, test_path.as_posix(), "ERROR", reason="; ".join(broken[0].reasons))
    errors = [p for p in validate_file(feature_path) if p.severity == "error"]
    if errors:  # cases passing on a control that does not validate would prove nothing about what ships
        reason = f"the control has {len(errors)} validate error(s), first: {errors[0]}"
        return ControlResult(controls[0][0], test_path.as_posix(), "ERROR", reason=reason)
    return run_control_tests(controls[0], tests, sandbox)


def _orphans(paths: list[Path]) -> list[str]:
    """Test files with no control beside them: said, never silently ignored."""
    folders = [p for p in paths if p.is_dir()]
    tests = [t for folder in folders for t in sorted(folder.rglob(f"*{SUFFIX}"))]
    return [t.as_posix() for t in tests if not t.with_name(t.name.removesuffix(SUFFIX) + ".feature").is_file()]


def _text_line(result: ControlResult) -> str:
    if result.status in ("SKIP", "ERROR"):
        return f"{result.status:<5} {result.control}: {result.reason}"
    lines = [f"{result.status:<5} {result.control} ({len(result.cases)} case(s))"]
    for case in result.cases:
        lines += [f"      case '{case.case}' ({result.path}:{case.line}): {p}" for p in case.problems]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [Path("controls")]
    features = find_features(paths)
    sandbox = moto_sandbox()
    tested = [r for f in features if (r := _test_one(f, sandbox)) is not None]
    orphans = [
        ControlResult(Path(o).name.removesuffix(SUFFIX), o, "ERROR", reason=f"{o}: no .feature beside it")
        for o in _orphans(paths)
    ]
    results = tested + orphans
    counts = Counter(r.status for r in results)
    untested = len(features) - len(tested)
    if args.format == "json":
        out = {"controls": len(features), "untested": untested, **{s.lower(): counts[s] for s in _ORDER}}
        print(json.dumps({**out, "results": [r.as_dict() for r in results]}, indent=2))
    else:
        for result in results:
            print(safe_lines(_text_line(result)))
    summary = ", ".join(f"{counts[s]} {s.lower()}" for s in _ORDER)
    print(f"{len(features)} control(s): {summary}; {untested} without test cases", file=sys.stderr)
    return 2 if counts["ERROR"] else 1 if counts["FAIL"] else 0
