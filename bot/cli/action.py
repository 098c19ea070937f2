"""`controlbot action`: run the GitHub Action for the event described by the Actions environment."""

from __future__ import annotations

import argparse
import os
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "action",
        help="run as the GitHub Action (reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_TOKEN, …)",
        description=(
            "Handle one GitHub Actions event: generate controls for a pull request's requests, or run a "
            "/controlbot comment command. Driven only by the standard Actions environment."
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.github.action import entry

    return entry(os.environ)
