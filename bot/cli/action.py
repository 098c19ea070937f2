"""`controlbot action`: run the GitHub Action for the event described by the Actions environment."""

from __future__ import annotations

import argparse
import os
from typing import Any


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.description = (
        "Handle one GitHub Actions event: generate controls for a pull request's requests, or run a "
        "/controlbot comment command. Driven only by the standard Actions environment."
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.github.action import entry

    return entry(os.environ)
