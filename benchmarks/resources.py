"""Speed of the resource model: cold builds per service in fresh processes, and every read call's joins."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter per sample: imports are done before the clock starts, nothing else is warm.
# The model JSON is loaded first (shared with the botocore index, so usually already paid for), then the
# resource model is built on it, then the joins of every read operation are worked out (done lazily, per call).
COLD_RUN = """
import json, sys, time
from bot.knowledge import botocore_index
from bot.knowledge.resources import resource_model
service = sys.argv[1]
started = time.perf_counter()
raw = botocore_index._load_raw(service)[0]
loaded = time.perf_counter()
model = resource_model(service)
built = time.perf_counter()
reads = [name for name in raw["operations"] if botocore_index.is_read_operation(name)]
for name in reads:
    model.joins(name)
joined = time.perf_counter()
print(json.dumps({"load_ms": 1000 * (loaded - started), "build_ms": 1000 * (built - loaded),
                  "cold_ms": 1000 * (built - started), "joins_ms": 1000 * (joined - built),
                  "listings": len(model.roots), "reads": len(reads)}))
"""

SERVICES = ("ec2", "s3", "wafv2", "apigateway")
TARGET_SERVICE, BUILD_TARGET_MS = "ec2", 150


def cold_samples(service: str, runs: int) -> list[dict[str, float]]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_RUN, service], cwd=ROOT, capture_output=True, text=True, check=True
        )
        samples.append(json.loads(out.stdout))
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("services", nargs="*", default=list(SERVICES), help=f"services (default {' '.join(SERVICES)})")
    parser.add_argument("--runs", type=int, default=9, help="cold builds per service, one fresh process each")
    args = parser.parse_args(argv)
    medians: dict[str, float] = {}
    print(f"{'service':12} {'load JSON':>10} {'build':>8} {'cold':>8} {'all joins':>10}  listings/read calls")
    for service in args.services:
        samples = cold_samples(service, args.runs)
        median = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
        medians[service] = median["cold_ms"]
        print(
            f"{service:12} {median['load_ms']:8.1f}ms {median['build_ms']:6.1f}ms {median['cold_ms']:6.1f}ms "
            f"{median['joins_ms']:8.1f}ms  {int(median['listings'])}/{int(median['reads'])}  ({args.runs} cold runs)"
        )
    if TARGET_SERVICE not in medians:
        return 0
    met = medians[TARGET_SERVICE] <= BUILD_TARGET_MS
    print(f"target: {TARGET_SERVICE} cold build (load + build) <= {BUILD_TARGET_MS} ms: {'met' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
