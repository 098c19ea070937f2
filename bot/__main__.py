"""`python -m bot`: the GitHub Action entry point, driven by the standard Actions environment."""

from __future__ import annotations

import os
import sys

from bot.github.action import entry

if __name__ == "__main__":
    sys.exit(entry(os.environ))
