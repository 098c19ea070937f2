"""Time `controlbot validate` on 1,000 feature files (copies of the seed corpus), in fresh processes."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(target: Path, count: int) -> None:
    """`count` request + feature pairs: the seed pairs copied under fresh ids."""
    pairs = sorted(ROOT.glob("controls/*/*.feature"))
    for n in range(count):
        feature = pairs[n % len(pairs)]
        new_id = f"{feature.stem}-{n:04d}"
        folder = target / "controls" / feature.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        text = feature.read_text(encoding="utf-8").replace(f"@control:{feature.stem} ", f"@control:{new_id} ")
        (folder / f"{new_id}.feature").write_text(text, encoding="utf-8")
        shutil.copy(feature.with_suffix(".yaml"), folder / f"{new_id}.yaml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), args.files)
        command = [sys.executable, "-m", "bot.cli.main", "validate", str(Path(tmp) / "controls")]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            times.append(time.perf_counter() - started)
            if done.returncode != 0:
                print(done.stdout[-2000:], done.stderr[-2000:])
                return 1
    print(f"validate on {args.files} features (requests + features, fresh process each run, {args.runs} runs):")
    print(f"  median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
