"""What `controlbot check` runs (filters on the controls' tags) and where its reports go (--output, repeatable)."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.corpus.catalogue import framework_matches
from bot.inputs.errors import UsageError
from bot.language.feature import ParsedFeature
from bot.runner.findings import Finding, coloured, summary_line
from bot.runner.reports import FORMATS, Infos, render_report

Output = tuple[str, Path]


def parse_outputs(values: Sequence[str], default_format: str) -> list[Output]:
    """Each --output is FILE (in --format) or FORMAT:FILE; folders must exist before any AWS call is made."""
    outputs: list[Output] = []
    for value in values:
        fmt, _, rest = value.partition(":")
        fmt, path = (fmt, Path(rest)) if fmt in FORMATS and rest else (default_format, Path(value))
        if not path.parent.is_dir():
            raise UsageError(f"--output {value}: the folder {path.parent} does not exist; create it first")
        if path.is_dir():
            raise UsageError(f"--output {value}: is a folder; give a file name")
        outputs.append((fmt, path))
    return outputs


def _matches(feature: ParsedFeature, control: str, args: argparse.Namespace) -> bool:
    maps = [t.removeprefix("@maps:") for t in feature.tags if t.startswith("@maps:")]
    return (
        (not args.service or feature.tag_value("service") in args.service)
        and (not args.severity or (feature.tag_value("severity") or "medium") in args.severity)
        and (not args.control or control in args.control)
        and (not args.framework or any(framework_matches(m, w) for m in maps for w in args.framework))
    )


def select_controls(
    controls: list[tuple[str, ParsedFeature]], args: argparse.Namespace
) -> list[tuple[str, ParsedFeature]]:
    """The controls the filters keep (--service, --severity, --framework, --control); none kept is an error."""
    kept = [(control, feature) for control, feature in controls if _matches(feature, control, args)]
    if controls and not kept:
        raise UsageError("no control matches --service/--severity/--framework/--control")
    return kept


def parse_shard(spec: str | None) -> tuple[int, int] | None:
    """--shard I/N as (I - 1, N); refused unless 1 <= I <= N."""
    if spec is None:
        return None
    index, _, count = spec.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise UsageError(f"--shard {spec}: give I/N with 1 <= I <= N, e.g. --shard 2/4")
    return int(index) - 1, int(count)


def in_shard(shard: tuple[int, int] | None, account: str, control: str, region: str, resource: str = "-") -> bool:
    """Whether this shard reports one finding's (account, control, region, resource), by a stable hash: every
    finding lands in exactly one shard, the same on every machine and run, so merged shards equal one run."""
    if shard is None:
        return True
    key = "\x1f".join((account, control, region, resource)).encode()
    return int(hashlib.sha256(key).hexdigest(), 16) % shard[1] == shard[0]


def write_reports(findings: list[Finding], infos: Infos, outputs: list[Output], fmt: str, quiet: bool = False) -> None:
    """Each --output in its format; without one, the --format report on stdout (the text table in colour on a
    terminal, unless NO_COLOR is set)."""
    if not outputs:
        report = render_report(findings, fmt, infos)
        paint = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(coloured(report) if paint else report)
        return
    for output_format, path in outputs:
        report = render_report(findings, output_format, infos)
        try:
            path.write_text(report, encoding="utf-8")
        except OSError as error:  # the folder vanished during the run: keep the findings on stdout
            sys.stdout.write(report)
            raise UsageError(f"--output {path}: cannot write the report ({error.strerror}); printed it") from None
    if not quiet:
        print(summary_line(findings), file=sys.stderr)


def progress_printer(quiet: bool, calls: Callable[[], int]) -> Callable[[int, int, int], None] | None:
    """One line on stderr, redrawn as scenarios are listed, when stderr is a terminal and the run is not quiet."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(listed: int, units: int, resources: int) -> None:
        end = "\n" if listed == units else ""
        print(f"\rcontrolbot: {listed}/{units} scenarios listed, {resources} resources, {calls()} calls", end=end,
              file=sys.stderr, flush=True)  # fmt: skip

    return show
