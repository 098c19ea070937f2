"""`controlbot check` over 1,000 DynamoDB tables on a moto server, as one run and as a 4-way sharded run: wall time,
API calls per resource per operation (counted by a proxy in front of moto), peak memory of each process; the
shards' reports merged must equal the one run's, finding for finding."""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

from benchmarks.proxy import Proxy

REGION = "us-east-1"
BACKUPS = "DescribeContinuousBackups.ContinuousBackupsDescription"
# Two scenarios use the same enrichment: the cache must keep it to one call per table.
FEATURE = f"""@control:dynamodb-point-in-time-recovery @service:dynamodb @severity:medium @category:backup-recovery
Feature: DynamoDB tables have point-in-time recovery enabled
  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeContinuousBackups" with "TableName" from "@"

  Scenario: point-in-time recovery is enabled
    Then "{BACKUPS}.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" must be "ENABLED"

  Scenario: continuous backups are on
    Then "{BACKUPS}.ContinuousBackupsStatus" must be "ENABLED"
"""


def make_tables(session: boto3.Session, count: int) -> None:
    ddb = session.client("dynamodb")
    for i in range(count):
        name = f"table-{i:05}"
        ddb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        if i % 2 == 0:
            spec = {"PointInTimeRecoveryEnabled": True}
            ddb.update_continuous_backups(TableName=name, PointInTimeRecoverySpecification=spec)


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one `controlbot` process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bot.cli.main", *args], env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"controlbot {' '.join(args)} exited {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def findings(path: Path) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in json.loads(path.read_text())["findings"])


def measure(proxy: Proxy, env: dict[str, str], base: list[str], folder: Path, shards: int) -> dict[str, object]:
    """One run, then each shard in turn (as a CI matrix runs them, one per machine)."""
    proxy.calls.clear()
    wall, memory = run_cli([*base, "--output", str(folder / "all.json")], env)
    one_calls = Counter(proxy.calls)
    proxy.calls.clear()
    shard_runs = [
        run_cli([*base, "--shard", f"{i}/{shards}", "--output", str(folder / f"shard-{i}.json")], env)
        for i in range(1, shards + 1)
    ]
    merged = folder / "merged.json"
    paths = [str(folder / f"shard-{i}.json") for i in range(1, shards + 1)]
    subprocess.run([sys.executable, "-m", "bot.cli.main", "report", "merge", *paths, "--output", f"json:{merged}"],
                   env=env, check=False)  # fmt: skip
    return {
        "wall": wall, "memory": memory, "calls": one_calls, "shard_walls": [w for w, _ in shard_runs],
        "shard_memory": max(m for _, m in shard_runs), "shard_calls": Counter(proxy.calls),
        "equal": findings(merged) == findings(folder / "all.json"), "count": len(findings(folder / "all.json")),
    }  # fmt: skip


def report(runs: list[dict[str, object]], resources: int, shards: int) -> bool:
    median = statistics.median
    one, last = median(r["wall"] for r in runs), runs[-1]  # type: ignore[misc]
    slowest_shard = median(max(r["shard_walls"]) for r in runs)  # type: ignore[type-var, call-overload]
    all_shards = median(sum(r["shard_walls"]) for r in runs)  # type: ignore[call-overload]
    per_resource = {
        "one run": last["calls"]["DescribeContinuousBackups"] / resources,  # type: ignore[index]
        f"{shards} shards": last["shard_calls"]["DescribeContinuousBackups"] / resources,  # type: ignore[index]
    }
    print(f"{resources} tables, 2 scenarios, {last['count']} findings; medians of {len(runs)} runs")
    print(f"  one run: {one:.2f} s, peak memory {median(r['memory'] for r in runs):.0f} MiB")  # type: ignore[misc]
    print(f"  {shards} shards: slowest {slowest_shard:.2f} s (the matrix's wall time), {all_shards:.2f} s in all, "
          f"peak memory {median(r['shard_memory'] for r in runs):.0f} MiB per shard")  # type: ignore[misc]  # fmt: skip
    print(f"  calls, one run: {dict(last['calls'])}")  # type: ignore[call-overload]
    print(f"  calls, {shards} shards together: {dict(last['shard_calls'])}")  # type: ignore[call-overload]
    for label, value in per_resource.items():
        print(f"  DescribeContinuousBackups calls per table ({label}): {value:.2f} (target <= 1.0)")
    equal = all(r["equal"] for r in runs)
    print(f"  merged shards equal the one run, finding for finding: {equal}")
    return equal and all(v <= 1.0 for v in per_resource.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server logs every request
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    keys = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": REGION}
    os.environ.update(keys, AWS_ENDPOINT_URL=f"http://{host}:{port}")
    started = time.perf_counter()
    make_tables(boto3.Session(region_name=REGION), args.resources)
    print(f"{args.resources} tables created on moto in {time.perf_counter() - started:.1f} s")
    proxy = Proxy(f"http://{host}:{port}")
    env = {**os.environ, "AWS_ENDPOINT_URL": proxy.url}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "pitr.feature").write_text(FEATURE)
        base = ["check", str(folder / "pitr.feature"), "--region", REGION, "--format", "json", "--quiet",
                "--workers", str(args.workers)]  # fmt: skip
        runs = [measure(proxy, env, base, folder, args.shards) for _ in range(args.runs)]
    proxy.close()
    moto.stop()
    return 0 if report(runs, args.resources, args.shards) else 1


if __name__ == "__main__":
    sys.exit(main())
