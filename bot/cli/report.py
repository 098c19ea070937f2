"""`controlbot report merge FILE ...`: join the JSON reports of sharded runs into one report in any format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.check_reports import parse_outputs, write_reports
from bot.inputs.errors import UsageError
from bot.runner.findings import exit_code
from bot.runner.merge import ReportError, read_reports
from bot.runner.reports import FORMATS


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    merge = actions.add_parser("merge", help="join JSON reports (e.g. the shards of one scan) into one")
    merge.add_argument("reports", nargs="+", type=Path, help="reports of `controlbot check --format json`")
    merge.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    merge.add_argument("--output", action="append", default=[], metavar="[FORMAT:]FILE", help="repeatable")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    outputs = parse_outputs(args.output, args.format)
    try:
        findings, infos = read_reports(args.reports)
    except ReportError as error:
        raise UsageError(str(error)) from None
    write_reports(findings, infos, outputs, args.format)
    return exit_code(findings)
