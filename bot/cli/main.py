"""The `controlbot` command line: each subcommand lives in its own module and registers itself here."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from bot import __version__
from bot.inputs.errors import ControlbotError, internal_error
from bot.inputs.safe_text import one_line

# name -> (module, one-line help). A module's register(parser) adds the command's arguments and sets
# `run=callable(args) -> int`; only the module of the command being run is imported (`--help` imports none).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("bot.cli.validate", "check .feature files against the control language and botocore"),
    "retrieve": (
        "bot.cli.retrieve",
        "rank the read operations and response fields of a request's service (Boto3 context)",
    ),
    "check": ("bot.cli.check", "run controls against AWS and report PASS/FAIL per resource"),
    "report": ("bot.cli.report", "join the JSON reports of sharded check runs into one report, in any format"),
    "test": ("bot.cli.test", "run the controls' test cases (<id>.test.yaml) on moto"),
    "catalogue": ("bot.cli.catalogue", "browse the shipped catalogue of tested controls, or copy one"),
    "generate": ("bot.cli.generate", "generate the .feature of each control request"),
    "eval": ("bot.cli.evaluate", "score generation on a benchmark file, or leave-one-out on merged controls"),
    "action": (
        "bot.cli.action",
        "run as the GitHub Action (reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_TOKEN, …)",
    ),
}


class _Parser(argparse.ArgumentParser):
    """argparse echoes the offending argument in its message: keep that message one safe line."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {one_line(message)}\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with full arguments for the command argv names (for every command when argv is None)."""
    parser = _Parser(prog="controlbot", description="Write, check and run cloud security controls in Gherkin.")
    parser.add_argument("--version", action="version", version=f"controlbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = next((a for a in argv if not a.startswith("-")), None) if argv is not None else None
    for name, (module, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text)
        if argv is None or name == chosen:
            importlib.import_module(module).register(command)
    return parser


def say(message: str) -> None:
    """One line on stderr, whatever the message holds (no escape codes, no GitHub workflow command)."""
    print(f"controlbot: {one_line(message)}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and exit 2, never a traceback."""
    try:
        arguments = list(sys.argv[1:] if argv is None else argv)
        args = build_parser(arguments).parse_args(arguments)
        return int(args.run(args))
    except ControlbotError as error:
        say(str(error))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the boundary: a bug is reported in one line, not a traceback
        say(internal_error(error))
    return 2


if __name__ == "__main__":
    sys.exit(main())
