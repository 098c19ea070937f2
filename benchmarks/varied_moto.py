"""The moto side of the varied behaviour benchmark: a fresh local server, clients, fixture types and helpers."""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import secrets
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any
from unittest.mock import patch

import boto3
from botocore.exceptions import ClientError

REGION = "us-east-1"
SIDES = ("compliant", "noncompliant")

# clients(service) -> a boto3 client for REGION that talks to the moto server.
Clients = Callable[[str], Any]
# The identifiers of the resources made for one side; a finding belongs to a side when one of them is a
# substring of its "resource". The first identifier is the one the fixture's read-back takes.
Ids = list[str]


@dataclass(frozen=True)
class Fixture:
    """One entry's resources: `make(clients, fresh name, compliant)` builds one side and returns its ids;
    `read(clients, ids)` reads the deciding value back with boto3; `holds(value)` is compliant_when.
    `out_of_scope(clients, fresh name)`, when given, builds a resource the requirement excludes: a right
    control reports it NOT_APPLICABLE (or not at all), never PASS or FAIL."""

    make: Callable[[Clients, str, bool], Ids]
    read: Callable[[Clients, Ids], Any]
    holds: Callable[[Any], bool]
    out_of_scope: Callable[[Clients, str], Ids] | None = None


@dataclass(frozen=True)
class AccountFixture:
    """A per-region setting: `put(clients, compliant)` sets it one way; `read`/`holds` as for Fixture."""

    put: Callable[[Clients, bool], None]
    read: Callable[[Clients], Any]
    holds: Callable[[Any], bool]


# ---------------------------------------------------------------- the server


@contextmanager
def fresh_moto() -> Iterator[str]:
    """Run an empty moto server on a random loopback port, yield its URL; inside, AWS settings point at it."""
    from moto.server import ThreadedMotoServer  # moto[server] is a dev extra: imported only when measuring

    logging.getLogger("werkzeug").setLevel(logging.CRITICAL)  # no request lines, no tracebacks of moto 500s
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    try:
        with patch.dict(os.environ, moto_env(url), clear=True):
            # moto keeps its state per process, not per server: wipe it so that this server starts empty
            urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST")).close()
            yield url
    finally:
        server.stop()


def moto_env(url: str) -> dict[str, str]:
    """The current environment, changed so that boto3 reaches AWS only through the moto server at url."""
    # every AWS_* setting of the caller goes (a profile, a per-service endpoint or a real token would
    # steer boto3 away from moto), and no proxy may sit between boto3 and moto
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_SESSION_TOKEN="testing",
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def clients_for(url: str) -> Clients:
    """A caching client factory for REGION, with dummy credentials, talking to url."""
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION)

    @cache
    def client(service: str) -> Any:
        return session.client(service, endpoint_url=url)

    return client


# ---------------------------------------------------------------- helpers shared by the builders


def fresh_name(slug: str, side: str) -> str:
    """A fresh resource name that says which entry and side it belongs to (at most 32 characters)."""
    return f"vb-{slug}-{side}-{secrets.token_hex(3)}"[:32]


def error_code(call: Callable[[], Any]) -> Any:
    """The call's response, or {"__error__": code} when AWS (moto) answers with an error."""
    try:
        return call()
    except ClientError as error:
        return {"__error__": error.response["Error"]["Code"]}


def account(clients: Clients) -> str:
    """The account id the moto server answers for."""
    return str(clients("sts").get_caller_identity()["Account"])


@cache
def role(clients: Clients, service: str) -> str:
    """An IAM role that `service` may assume (one per server); returns its ARN."""
    trust = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    }
    name = f"vb-role-{service.split('.')[0]}-{secrets.token_hex(3)}"
    return str(clients("iam").create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"])


@cache
def network(clients: Clients) -> tuple[str, tuple[str, ...]]:
    """A VPC with a subnet in each of two zones (one per server); returns (VPC id, subnet ids)."""
    ec2 = clients("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.42.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.42.{i}.0/24", AvailabilityZone=f"{REGION}{zone}")
        for i, zone in enumerate("ab")
    ]
    return vpc, tuple(subnet["Subnet"]["SubnetId"] for subnet in subnets)


@cache
def bucket(clients: Clients) -> str:
    """A helper bucket (one per server), which belongs to neither side; returns its name."""
    name = f"vb-sink-{secrets.token_hex(4)}"
    clients("s3").create_bucket(Bucket=name)
    return name


@cache
def log_group(clients: Clients, name: str) -> str:
    """A CloudWatch Logs group; returns its ARN without the trailing ":*"."""
    clients("logs").create_log_group(logGroupName=name)
    found = clients("logs").describe_log_groups(logGroupNamePrefix=name)["logGroups"][0]["arn"]
    return str(found).removesuffix(":*")


@cache
def certificate(clients: Clients) -> str:
    """An ACM certificate ARN (one per server) for TLS listeners and distributions."""
    return str(clients("acm").request_certificate(DomainName="varied-bench.example.com")["CertificateArn"])


def handler_zip() -> bytes:
    """A Lambda deployment package holding a trivial Python handler."""
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return {}\n")
    return package.getvalue()


def function(clients: Clients, name: str, **settings: Any) -> str:
    """A Lambda function with a trivial handler; returns its ARN."""
    made = clients("lambda").create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role(clients, "lambda.amazonaws.com"),
        Handler="index.handler",
        Code={"ZipFile": handler_zip()},
        **settings,
    )
    return str(made["FunctionArn"])


def is_true(value: Any) -> bool:
    """True, or the text "true" of attribute maps."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def attribute(pairs: Any, key: str, key_name: str = "Key", value_name: str = "Value") -> Any:
    """The value of `key` in a list of {Key, Value} pairs (None when absent)."""
    return next((p.get(value_name) for p in pairs or [] if p.get(key_name) == key), None)


def main(argv: list[str] | None = None) -> int:
    """This module only serves the varied behaviour benchmark; running it says so."""
    argparse.ArgumentParser(description=__doc__, epilog="Use: python -m benchmarks.behaviour").parse_args(argv)
    print("nothing to run here: python -m benchmarks.behaviour --help")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
