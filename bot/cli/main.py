"""The `controlbot` command line: each subcommand lives in its own module and registers itself here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot import __version__
from bot.inputs.errors import ControlbotError

# Each module exposes register(subparsers): it adds its subparser and sets `run=callable(args) -> int`.
COMMAND_MODULES: tuple[str, ...] = (
    "bot.cli.validate",
    "bot.cli.retrieve",
    "bot.cli.check",
    "bot.cli.generate",
    "bot.cli.evaluate",
    "bot.cli.action",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="controlbot", description="Write, check and run cloud security controls in Gherkin."
    )
    parser.add_argument("--version", action="version", version=f"controlbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ControlbotError as error:
        print(f"controlbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
