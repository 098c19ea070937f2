"""`controlbot check` where the network is the cost: a local proxy adds 20 ms to every request to a moto server.
What the latency adds to the run (wall time with it, less wall time through the same proxy without it: moto,
the proxy and the client share this machine's cores) is compared with its floor, calls x latency / workers."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from benchmarks.check import make_tables
from bot.cli.check import boto3_clients
from bot.language.feature import parse_feature
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


DELAY = {"s": 0.0}  # the proxy's added latency, changed between runs


def latency_proxy(upstream: str) -> ThreadingHTTPServer:
    """Forwards every request to `upstream` after DELAY["s"], as a far-away endpoint would answer."""

    class Handler(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            time.sleep(DELAY["s"])
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = urllib.request.Request(upstream + self.path, data=body or None, method=self.command)
            for name, value in self.headers.items():
                if name.lower() not in ("host", "content-length", "connection"):
                    request.add_header(name, value)
            try:
                with urllib.request.urlopen(request) as answer:
                    status, headers, payload = answer.status, answer.headers.items(), answer.read()
            except urllib.error.HTTPError as error:
                status, headers, payload = error.code, error.headers.items(), error.read()
            self.send_response(status)
            for name, value in headers:
                if name.lower() not in ("transfer-encoding", "connection", "content-length", "server", "date"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _forward

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_once(tables: int, workers: int) -> tuple[float, int]:
    feature = parse_feature(FEATURE, "dynamodb-pitr.feature")
    cache = ApiCache(boto3_clients(boto3.Session(region_name=REGION), workers))
    started = time.perf_counter()
    findings = run_controls([("dynamodb-pitr", feature)], cache, RunOptions((REGION,), "123456789012", workers))
    elapsed = time.perf_counter() - started
    assert len(findings) == tables, f"{len(findings)} findings for {tables} tables"
    return elapsed, sum(cache.calls.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=300)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=REGION)
    os.environ["AWS_ENDPOINT_URL"] = f"http://{host}:{port}"
    make_tables(boto3.Session(region_name=REGION), args.tables)  # half with point-in-time recovery on
    proxy = latency_proxy(f"http://{host}:{port}")
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{proxy.server_address[1]}"
    met = True
    for workers in args.workers:
        DELAY["s"] = 0.0
        bare = statistics.median(run_once(args.tables, workers)[0] for _ in range(args.runs))
        DELAY["s"] = args.latency_ms / 1000
        timings = [run_once(args.tables, workers) for _ in range(args.runs)]
        wall = statistics.median(t for t, _ in timings)
        calls = timings[0][1]
        floor = calls * DELAY["s"] / workers
        ratio = (wall - bare) / floor
        met = met and (ratio <= TARGET or workers != max(args.workers))
        print(f"{args.tables} tables, {workers} workers: {wall:.2f} s with {args.latency_ms:g} ms per request, "
              f"{bare:.2f} s without; {calls} calls; the latency added {wall - bare:.2f} s against a floor of "
              f"{floor:.2f} s: {ratio:.2f}x (target <= {TARGET}x)")  # fmt: skip
    proxy.shutdown()
    moto.stop()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
