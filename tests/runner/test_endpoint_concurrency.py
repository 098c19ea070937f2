"""Concurrency sized per endpoint: each (service, region) has at most `workers` calls in flight, and a run over
several regions waits on their round trips side by side instead of queueing them behind one small pool."""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack
from typing import Any

import boto3
from botocore.config import Config

from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.run import RunOptions, run_controls
from tests.fakes.aws_endpoint import FakeAwsEndpoint, Reply, json_reply

CONFIG = Config(retries={"max_attempts": 1}, max_pool_connections=10)
REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")
TABLES = [f"table-{i}" for i in range(6)]
FEATURE = """@control:ddb-deletion @service:dynamodb @severity:low @category:backup-recovery
Feature: tables are protected from deletion
  Scenario: deletion protection is on
    Given the resources listed by "dynamodb.ListTables" at "TableNames" identified by "@"
    And each resource is enriched by "dynamodb.DescribeTable" with "TableName" from "@"
    Then "DescribeTable.Table.DeletionProtectionEnabled" must be true
"""


class Meter:
    """Calls in flight per region and overall, at their highest."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[str, int] = dict.fromkeys(REGIONS, 0)
        self.highest: dict[str, int] = dict.fromkeys([*REGIONS, "all"], 0)

    def responder(self, region: str) -> Any:
        def answer(operation: str, body: dict[str, Any]) -> Reply:
            with self.lock:
                self.now[region] += 1
                self.highest[region] = max(self.highest[region], self.now[region])
                self.highest["all"] = max(self.highest["all"], sum(self.now.values()))
            time.sleep(0.05)  # a far-away endpoint's round trip
            with self.lock:
                self.now[region] -= 1
            if operation == "ListTables":
                return json_reply({"TableNames": TABLES})
            return json_reply({"Table": {"TableName": body["TableName"], "DeletionProtectionEnabled": True}})

        return answer


def test_each_endpoint_is_held_to_the_workers_and_regions_run_side_by_side() -> None:
    meter = Meter()
    with ExitStack() as stack:
        urls = {r: stack.enter_context(FakeAwsEndpoint(meter.responder(r))).url for r in REGIONS}
        session = boto3.Session(aws_access_key_id="k", aws_secret_access_key="s")
        clients = {r: session.client("dynamodb", region_name=r, endpoint_url=urls[r], config=CONFIG) for r in REGIONS}
        cache = ApiCache(lambda service, region: clients[region], per_endpoint=2)
        controls = [("ddb-deletion", parse_feature(FEATURE, "ddb.feature"))]
        findings = run_controls(controls, cache, RunOptions(REGIONS, "123456789012", workers=2))
    assert [f.status for f in findings] == ["PASS"] * len(TABLES) * len(REGIONS)
    assert all(meter.highest[r] <= 2 for r in REGIONS)
    assert meter.highest["all"] > 2  # one pool of 2 would never have had more than 2 calls in flight
