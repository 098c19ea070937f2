"""`controlbot --help` and `controlbot catalogue list` as fresh processes: the fixed cost of an invocation."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_HELP_S = 0.15


def _median(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "bot.cli.main"]
    help_s = _median([*cli, "--help"], args.runs)
    bare_s = _median([sys.executable, "-c", "pass"], args.runs)
    listing_s = _median([*cli, "catalogue", "list", "--format", "json"], max(3, args.runs // 3))
    print(f"controlbot --help: median {help_s:.3f} s over {args.runs} runs (a bare interpreter: {bare_s:.3f} s); "
          f"target <= {TARGET_HELP_S} s")  # fmt: skip
    print(f"controlbot catalogue list --format json: median {listing_s:.3f} s")
    return 0 if help_s <= TARGET_HELP_S else 1


if __name__ == "__main__":
    sys.exit(main())
