"""`check --organization` on a moto server with several accounts and two regions: every account's findings name
it, an account whose role cannot be assumed is an ERROR for that account only, and four shards merged equal the
one run, finding for finding."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest

from bot.cli.main import main
from tests.fakes.aws_accounts import ROLE, client_in, sts_denying

REGIONS = ("us-east-1", "eu-west-1")
ENCRYPTED = "sqs-queue-server-side-encryption"
VERSIONED = "s3-bucket-versioning-enabled"


def _organization() -> list[str]:
    """The management account and three members, each with a plain and an encrypted queue in both regions."""
    organizations = boto3.client("organizations", region_name="us-east-1")
    organizations.create_organization(FeatureSet="ALL")
    members = [
        organizations.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]["AccountId"]
        for name in ("workloads", "data", "sandbox")
    ]
    accounts = ["123456789012", *members]
    for account in accounts:
        for region in REGIONS:
            sqs = client_in("sqs", account, region)
            sqs.create_queue(QueueName=f"plain-{region}", Attributes={"SqsManagedSseEnabled": "false"})  # on by default
            sqs.create_queue(QueueName=f"sealed-{region}", Attributes={"SqsManagedSseEnabled": "true"})
        client_in("s3", account, "us-east-1").create_bucket(Bucket=f"bucket-{account}")
    return accounts


def _check(out: Path, *extra: str) -> int:
    args = ["check", "--catalogue", "--service", "sqs", "--service", "s3", "--role-arn", ROLE, "--organization"]
    regions = [a for region in REGIONS for a in ("--region", region)]
    return main([*args, *regions, "--quiet", "--format", "json", "--output", str(out), *extra])


@pytest.mark.usefixtures("aws")
def test_every_account_and_region_is_reported_and_one_denied_role_is_that_accounts_error_only(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    management, workloads, data, sandbox = _organization()
    with sts_denying(server, sandbox) as proxy:
        monkeypatch.setenv("AWS_ENDPOINT_URL_STS", proxy.url)
        code = _check(tmp_path / "all.json")
        for index in (1, 2, 3, 4):
            _check(tmp_path / f"shard-{index}.json", "--shard", f"{index}/4")
    findings = json.loads((tmp_path / "all.json").read_text())["findings"]
    encrypted = {(f["account"], f["region"], f["resource"].rsplit("/", 1)[-1], f["status"])
                 for f in findings if f["control"] == ENCRYPTED}  # fmt: skip
    assert encrypted == {
        (account, region, f"{name}-{region}", status)
        for account in (management, workloads, data)
        for region in REGIONS
        for name, status in (("plain", "FAIL"), ("sealed", "PASS"))
    }
    versioned = {(f["account"], f["resource"]) for f in findings if f["control"] == VERSIONED}
    assert versioned == {(a, f"bucket-{a}") for a in (management, workloads, data)}
    [denied] = [f for f in findings if f["account"] == sandbox]
    assert denied["status"] == "ERROR" and "AccessDenied" in denied["reasons"][0] and code == 2

    assert main(["report", "merge", *(str(tmp_path / f"shard-{i}.json") for i in (1, 2, 3, 4)), "--output",
                 f"json:{tmp_path / 'merged.json'}"]) == 2  # fmt: skip
    merged = json.loads((tmp_path / "merged.json").read_text())["findings"]
    assert sorted(map(json.dumps, merged)) == sorted(map(json.dumps, findings))
    shard_sizes = [len(json.loads((tmp_path / f"shard-{i}.json").read_text())["findings"]) for i in (1, 2, 3, 4)]
    assert sum(shard_sizes) == len(findings) and max(shard_sizes) < len(findings) / 2
