"""`controlbot check` where the network is the cost: a local proxy adds 20 ms to every request to a moto server.
The run's wall time is compared with its floor, calls x latency / workers. The proxy replays answers it recorded
in a warm-up run, so moto's CPU time (which shares this machine's two cores) is not what is measured."""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import time

import boto3
from moto.server import ThreadedMotoServer

from benchmarks.check import make_tables
from benchmarks.proxy import set_proxy
from bot.cli.check import boto3_clients
from bot.language.feature import parse_feature
from bot.runner import pools
from bot.runner.calls import ApiCache
from bot.runner.run import RunOptions, run_controls

REGION = "us-east-1"
TARGET = 1.5
STATUS = (
    "DescribeContinuousBackups.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus"
)
FEATURE = f"""@control:dynamodb-pitr @service:dynamodb @severity:medium @category:backup-recovery
Feature: DynamoDB tables have point-in-time recovery enabled
  Background:
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeContinuousBackups" with "TableName" from "@"

  Scenario: point-in-time recovery is enabled
    Then "{STATUS}" must be "ENABLED"
"""


def run_once(tables: int, workers: int, regions: tuple[str, ...] = (REGION,)) -> tuple[float, int]:
    feature = parse_feature(FEATURE, "dynamodb-pitr.feature")
    cache = ApiCache(boto3_clients(boto3.Session(region_name=REGION), workers), per_endpoint=workers)
    started = time.perf_counter()
    findings = run_controls([("dynamodb-pitr", feature)], cache, RunOptions(regions, "123456789012", workers))
    elapsed = time.perf_counter() - started
    assert len(findings) == tables * len(regions), f"{len(findings)} findings for {tables} tables"
    return elapsed, sum(cache.calls.values())


def regions_side_by_side(tables: int, workers: int, regions: tuple[str, ...], runs: int) -> None:
    """The same control in several other regions: threads sized per endpoint against one pool of `workers`."""
    for region in regions:
        make_tables(boto3.Session(region_name=region), tables)
    run_once(tables, workers, regions)  # records the new regions' answers
    sized = statistics.median(run_once(tables, workers, regions)[0] for _ in range(runs))
    original, pools.MAX_THREADS = pools.MAX_THREADS, workers  # one pool of `workers` threads, as before
    single = statistics.median(run_once(tables, workers, regions)[0] for _ in range(runs))
    pools.MAX_THREADS = original
    calls = tables * len(regions) + len(regions)
    print(f"{tables} tables in each of {len(regions)} regions, {calls} calls: {sized:.2f} s with {workers} calls in "
          f"flight per region, {single:.2f} s with one pool of {workers} threads")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[8, 16, 32])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--regions", nargs="+", default=["eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1"])
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=REGION)
    os.environ["AWS_ENDPOINT_URL"] = f"http://{host}:{port}"
    make_tables(boto3.Session(region_name=REGION), args.tables)  # half with point-in-time recovery on
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.proxy", f"http://{host}:{port}"],
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    proxy = str(process.stdout.readline().strip())  # type: ignore[union-attr]
    os.environ["AWS_ENDPOINT_URL"] = proxy
    run_once(args.tables, 8)  # records every answer
    delay = args.latency_ms / 1000
    met = []
    for workers in args.workers:
        set_proxy(proxy, replay=True, delay_s=0.0)
        bare = statistics.median(run_once(args.tables, workers)[0] for _ in range(args.runs))
        set_proxy(proxy, delay_s=delay)
        timings = [run_once(args.tables, workers) for _ in range(args.runs)]
        wall, calls = statistics.median(t for t, _ in timings), timings[0][1]
        floor = calls * delay / workers
        met.append(wall / floor <= TARGET)
        print(f"{args.tables} tables, {workers} workers, {calls} calls: {wall:.2f} s with {args.latency_ms:g} ms "
              f"per request against a floor of {floor:.2f} s: {wall / floor:.2f}x (target <= {TARGET}x); "
              f"{bare:.2f} s without the latency")  # fmt: skip
    set_proxy(proxy, delay_s=delay)
    regions_side_by_side(args.tables // 4, args.workers[0], tuple(args.regions), args.runs)
    process.terminate()
    moto.stop()
    return 0 if met[0] else 1  # judged at the default concurrency, the first --workers


if __name__ == "__main__":
    sys.exit(main())
