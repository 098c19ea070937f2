"""`python -m bot`: the GitHub Action entry point, driven by the standard Actions environment."""

from __future__ import annotations

import os
import sys

from bot.github.action import main
from bot.inputs.errors import ControlbotError
from bot.inputs.safe_text import command_data


def run() -> int:
    """The Action's boundary: every failure is one `::error` annotation and exit 2, never a traceback."""
    try:
        return main(os.environ)
    except ControlbotError as error:
        message = str(error)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug is reported in one line, not a traceback
        message = f"internal error: {type(error).__name__}: {error} (please report it)"
    print(f"::error title=controlbot::{command_data(message)}", flush=True)
    return 2


if __name__ == "__main__":
    sys.exit(run())
