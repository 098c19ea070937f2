"""`python -m bot`: the GitHub Action entry point, driven by the standard Actions environment."""

from __future__ import annotations

import os
import sys

from bot.github.action import main
from bot.inputs.errors import ControlbotError


def run() -> int:
    try:
        return main(os.environ)
    except ControlbotError as error:
        print(f"::error title=controlbot::{error}", flush=True)
        return 2


if __name__ == "__main__":
    sys.exit(run())
