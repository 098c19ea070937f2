"""`controlbot check --organization` over every control of the repository on a moto server: the management account
and two members checked in two regions, and a third member whose role cannot be assumed. Prints what each
account got and the wall time; fails unless every checked account has findings and the denied one only its ERROR."""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

from tests.fakes.aws_accounts import ROLE, sts_denying

REGIONS = ("us-east-1", "eu-west-1")


def organization() -> tuple[list[str], str]:
    """The checked accounts (management first) and the member whose role is refused."""
    organizations = boto3.client("organizations", region_name="us-east-1")
    organizations.create_organization(FeatureSet="ALL")
    members = [
        organizations.create_account(Email=f"{n}@example.com", AccountName=n)["CreateAccountStatus"]["AccountId"]
        for n in ("workloads", "data", "locked")
    ]
    return ["123456789012", *members[:2]], members[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", default=["controls"])
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    server = f"http://{host}:{port}"
    os.environ.update(AWS_ENDPOINT_URL=server, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                      AWS_DEFAULT_REGION="us-east-1")  # fmt: skip
    checked, denied = organization()
    with sts_denying(server, denied) as sts, tempfile.TemporaryDirectory() as temporary:
        report = Path(temporary) / "report.json"
        regions = [a for r in REGIONS for a in ("--region", r)]
        command = [sys.executable, "-m", "bot.cli.main", "check", *args.paths, *regions, "--role-arn", ROLE,
                   "--organization", "--quiet", "--format", "json", "--output", str(report)]  # fmt: skip
        started = time.perf_counter()
        subprocess.run(command, env={**os.environ, "AWS_ENDPOINT_URL_STS": sts.url}, check=False)
        seconds = time.perf_counter() - started
        findings = json.loads(report.read_text())["findings"]
    moto.stop()
    by_account = Counter((f["account"], f["status"]) for f in findings)
    for account in [*checked, denied]:
        statuses = {s: n for (a, s), n in sorted(by_account.items()) if a == account}
        print(f"{account}{' (role refused)' if account == denied else ''}: {statuses}")
    print(f"{len(findings)} findings over {len(REGIONS)} regions in {seconds:.0f} s")
    denied_findings = [f for f in findings if f["account"] == denied]
    right = all(any(a == account for a, _ in by_account) for account in checked) and [
        f["status"] for f in denied_findings
    ] == ["ERROR"]
    print("every checked account reported, the refused one only as its ERROR:", right)
    return 0 if right else 1


if __name__ == "__main__":
    sys.exit(main())
