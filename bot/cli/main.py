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

# Each module exposes register(subparsers): it adds its subparser and sets `run=callable(args) -> int`.
COMMAND_MODULES: tuple[str, ...] = (
    "bot.cli.validate",
    "bot.cli.retrieve",
    "bot.cli.check",
    "bot.cli.test",
    "bot.cli.catalogue",
    "bot.cli.generate",
    "bot.cli.evaluate",
    "bot.cli.action",
)


class _Parser(argparse.ArgumentParser):
    """argparse echoes the offending argument in its message: keep that message one safe line."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {one_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="controlbot", description="Write, check and run cloud security controls in Gherkin.")
    parser.add_argument("--version", action="version", version=f"controlbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def say(message: str) -> None:
    """One line on stderr, whatever the message holds (no escape codes, no GitHub workflow command)."""
    print(f"controlbot: {one_line(message)}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and exit 2, never a traceback."""
    try:
        args = build_parser().parse_args(argv)
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
