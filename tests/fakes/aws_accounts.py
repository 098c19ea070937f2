"""Several accounts on one moto server: clients acting in an account through its role, and an STS front that
refuses the role of one account (moto itself lets anyone assume any role)."""

from __future__ import annotations

import urllib.request
from typing import Any

import boto3

from tests.fakes.aws_endpoint import FakeAwsEndpoint, Reply

ROLE = "arn:aws:iam::{account}:role/controlbot-audit"
DENIED = (
    b'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>'
    b"<Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error>"
    b"<RequestId>r-2</RequestId></ErrorResponse>"
)


def client_in(service: str, account: str, region: str = "us-east-1") -> Any:
    """A client acting in `account`: moto keeps each assumed role's resources in the role's account."""
    keys = boto3.client("sts", region_name="us-east-1").assume_role(
        RoleArn=ROLE.format(account=account), RoleSessionName="setup"
    )["Credentials"]
    return boto3.client(
        service,
        region_name=region,
        aws_access_key_id=keys["AccessKeyId"],
        aws_secret_access_key=keys["SecretAccessKey"],
        aws_session_token=keys["SessionToken"],
    )


def sts_denying(server: str, account: str) -> FakeAwsEndpoint:
    """STS in front of the moto server at `server`: AssumeRole into `account` is AccessDenied, the rest is moto's."""

    def sts(action: str, body: dict[str, str]) -> Reply:
        if action == "AssumeRole" and account in body.get("RoleArn", ""):
            return 403, "text/xml", DENIED
        forwarded = urllib.request.Request(server, data="&".join(f"{k}={v}" for k, v in body.items()).encode())
        forwarded.add_header("Content-Type", "application/x-www-form-urlencoded")
        forwarded.add_header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sts/aws4_request")
        with urllib.request.urlopen(forwarded) as answer:
            return answer.status, "text/xml", answer.read()

    return FakeAwsEndpoint(sts)
