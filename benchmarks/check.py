"""`controlbot check` over N moto DynamoDB tables: API calls per resource per operation and median wall time."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from typing import Any

import boto3
from moto import mock_aws

from bot.cli.check import boto3_clients
from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.findings import summarize
from bot.runner.run import RunOptions, run_controls

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


def counting_clients(session: boto3.Session, workers: int, calls: Counter[str]) -> Any:
    make = boto3_clients(session, workers)
    seen: set[int] = set()

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    def client(service: str, region: str) -> Any:
        made = make(service, region)
        if id(made) not in seen:
            seen.add(id(made))
            made.meta.events.register("before-parameter-build", count)
        return made

    return client


def one_run(session: boto3.Session, workers: int) -> tuple[float, Counter[str], dict[str, int]]:
    """Seconds, HTTP requests per operation (pages counted one by one) and the findings summary of one run."""
    calls: Counter[str] = Counter()
    cache = ApiCache(counting_clients(session, workers, calls))
    controls = [("dynamodb-point-in-time-recovery", parse_feature(FEATURE, "bench.feature"))]
    start = time.perf_counter()
    findings = run_controls(controls, cache, RunOptions((REGION,), "123456789012", workers))
    seconds = time.perf_counter() - start
    assert cache.calls["dynamodb.DescribeContinuousBackups"] == calls["DescribeContinuousBackups"]
    return seconds, calls, summarize(findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 8])
    args = parser.parse_args()
    with mock_aws():
        session = boto3.Session(region_name=REGION)
        started = time.perf_counter()
        make_tables(session, args.resources)
        print(f"{args.resources} tables created in moto in {time.perf_counter() - started:.1f} s")
        for workers in args.workers:
            times = []
            for _ in range(args.runs):
                seconds, calls, summary = one_run(session, workers)
                times.append(seconds)
            per_resource = calls["DescribeContinuousBackups"] / args.resources
            print(f"workers={workers}: findings {summary}")
            print(f"  API calls: {dict(calls)}")
            print(f"  DescribeContinuousBackups calls per resource: {per_resource:.2f} (2 scenarios use it)")
            print(f"  ListTables calls (pages): {calls['ListTables']}")
            print(f"  median wall time over {args.runs} runs: {statistics.median(times):.2f} s")
            print(f"  per resource: {statistics.median(times) / args.resources * 1000:.2f} ms")
            if per_resource > 1:
                print("  FAILED: more than one call per resource per operation", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
