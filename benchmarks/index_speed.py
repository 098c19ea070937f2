"""Speed of the botocore index: cold builds of a service's index in fresh processes, and warm queries."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter per sample: imports are done before the clock starts, nothing else is warm.
# After the build, the bare JSON parse of the same model file is timed as a yardstick of the machine's speed.
COLD_RUN = """
import glob, gzip, json, os, sys, time
import botocore
from bot.knowledge.botocore_index import load_index
from bot.knowledge.search_index import prepare
service = sys.argv[1]
started = time.perf_counter()
load_index(service)
loaded = time.perf_counter()
prepare(service)
done = time.perf_counter()
model = max(glob.glob(os.path.join(os.path.dirname(botocore.__file__), "data", service, "*", "service-2.json*")))
with (gzip.open if model.endswith(".gz") else open)(model, "rb") as handle:
    payload = handle.read()
parse_started = time.perf_counter()
json.loads(payload)
parsed = time.perf_counter()
print(json.dumps({"model_ms": 1000 * (loaded - started), "bm25_ms": 1000 * (done - loaded),
                  "total_ms": 1000 * (done - started), "json_ms": 1000 * (parsed - parse_started)}))
"""

BUILD_TARGET_MS, QUERY_TARGET_MS = 300, 20
QUERIES = (
    ("EC2 security group", "Security groups must not allow SSH from anywhere on the internet.", "network"),
    ("EBS volume", "Volumes attached to instances must be encrypted with a KMS key.", "encryption-at-rest"),
    ("EC2 instance", "Instances must require IMDSv2 session tokens.", "authentication"),
    ("VPC", "Every VPC must have flow logs enabled.", "logging"),
    ("EBS snapshot", "Snapshots must not be shared publicly.", "public-access"),
    ("EC2 instance", "Instances must not have a public IP address.", None),
)


def cold_samples(service: str, runs: int) -> list[dict[str, float]]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_RUN, service], cwd=ROOT, capture_output=True, text=True, check=True
        )
        samples.append(json.loads(out.stdout))
    return samples


def warm_samples(service: str, rounds: int) -> list[float]:
    from bot.knowledge.retrieval import retrieve
    from bot.knowledge.search_index import prepare

    prepare(service)
    timings = []
    for _ in range(rounds):
        for resource, requirement, category in QUERIES:
            started = time.perf_counter()
            retrieve(service, f"{resource}\n{requirement}", category)
            timings.append(1000 * (time.perf_counter() - started))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--service", default="ec2", help="the service to index (default ec2, the largest)")
    parser.add_argument("--runs", type=int, default=15, help="cold builds, one fresh process each")
    parser.add_argument("--rounds", type=int, default=20, help="passes over the warm queries")
    args = parser.parse_args(argv)
    cold = cold_samples(args.service, args.runs)
    warm = warm_samples(args.service, args.rounds)
    rows = (("model_ms", "load + walk model"), ("bm25_ms", "BM25 indexes"), ("total_ms", "index build"))
    for key, label in (*rows, ("json_ms", "bare JSON parse")):
        values = [s[key] for s in cold]
        print(
            f"{label:18} median {statistics.median(values):7.1f} ms  min {min(values):7.1f} ms  ({args.runs} cold runs)"
        )
    print(f"{'warm query':18} median {statistics.median(warm):7.1f} ms  min {min(warm):7.1f} ms  ({len(warm)} queries)")
    build, query = statistics.median(s["total_ms"] for s in cold), statistics.median(warm)
    met = build <= BUILD_TARGET_MS and query <= QUERY_TARGET_MS
    print(f"targets: build <= {BUILD_TARGET_MS} ms, warm query <= {QUERY_TARGET_MS} ms: {'met' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
