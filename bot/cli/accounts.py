"""The accounts a check covers: the caller's own, or each of --account / --organization through an assumed role."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from bot.inputs.errors import UsageError
from bot.inputs.safe_text import one_line

ACCOUNT_ID = re.compile(r"^\d{12}$")
SESSION_NAME = "controlbot-audit"


@dataclass(frozen=True)
class Account:
    """One account to check: a session in it, or why none could be had (that account's ERROR, not the run's)."""

    id: str
    session: Any | None
    problem: str = ""


def check_account_options(role_arn: str | None, accounts: list[str], organization: bool) -> None:
    if (accounts or organization) and not role_arn:
        raise UsageError("--account and --organization need --role-arn, e.g. arn:aws:iam::{account}:role/audit")
    if role_arn and "{account}" not in role_arn:
        raise UsageError(f"--role-arn {role_arn}: write {{account}} where each account's id goes")
    if role_arn and not (accounts or organization):
        raise UsageError("--role-arn needs the accounts: --account ID (repeatable) or --organization")
    for account in accounts:
        if not ACCOUNT_ID.match(account):
            raise UsageError(f"--account {account}: an AWS account id is 12 digits")


def organization_accounts(base: Any, region: str) -> list[str]:
    """The active accounts of the caller's AWS Organization."""
    try:
        pages = base.client("organizations", region_name=region).get_paginator("list_accounts").paginate()
        return sorted(a["Id"] for page in pages for a in page["Accounts"] if a.get("Status", "ACTIVE") == "ACTIVE")
    except (BotoCoreError, ClientError) as error:
        raise UsageError(
            f"--organization: cannot list the organization's accounts: {one_line(str(error), 300)}"
        ) from None


def assumed(base: Any, role_template: str, account: str, region: str) -> Account:
    """A session in `account` through the role; a role that cannot be assumed is said, for that account only."""
    role = role_template.format(account=account)
    try:
        found = base.client("sts", region_name=region).assume_role(RoleArn=role, RoleSessionName=SESSION_NAME)
    except (BotoCoreError, ClientError) as error:
        return Account(account, None, f"cannot assume {role}: {one_line(str(error), 300)}")
    keys = found["Credentials"]
    session = boto3.Session(
        aws_access_key_id=keys["AccessKeyId"],
        aws_secret_access_key=keys["SecretAccessKey"],
        aws_session_token=keys["SessionToken"],
        region_name=region,
    )
    return Account(account, session)
