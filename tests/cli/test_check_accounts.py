"""`check` over several accounts of a moto server through assumed roles: each finding names its account, and an
account whose role cannot be assumed is that account's ERROR, not the run's end."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest

from bot.cli.main import main
from tests.fakes.aws_accounts import ROLE, client_in, sts_denying
from tests.paths import REPO

VERSIONING = REPO / "controls" / "s3" / "s3-bucket-versioning-enabled.feature"


def _bucket_in(account: str, name: str, versioned: bool) -> None:
    s3 = client_in("s3", account)
    s3.create_bucket(Bucket=name)
    if versioned:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})


@pytest.mark.usefixtures("aws")
def test_each_account_is_checked_through_its_role_and_findings_name_it(capsys: pytest.CaptureFixture[str]) -> None:
    _bucket_in("111111111111", "kept-bucket", versioned=True)
    _bucket_in("222222222222", "loose-bucket", versioned=False)
    args = ["check", str(VERSIONING), "--region", "us-east-1", "--role-arn", ROLE, "--format", "json"]
    code = main([*args, "--account", "111111111111", "--account", "222222222222"])
    rows = {(f["account"], f["resource"]): f["status"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert rows == {("111111111111", "kept-bucket"): "PASS", ("222222222222", "loose-bucket"): "FAIL"}
    assert code == 1


@pytest.mark.usefixtures("aws")
def test_an_account_whose_role_cannot_be_assumed_is_an_error_for_that_account_only(
    server: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _bucket_in("111111111111", "kept-bucket", versioned=True)

    with sts_denying(server, "333333333333") as proxy:
        monkeypatch.setenv("AWS_ENDPOINT_URL_STS", proxy.url)
        args = ["check", str(VERSIONING), "--region", "us-east-1", "--role-arn", ROLE, "--format", "json"]
        code = main([*args, "--account", "111111111111", "--account", "333333333333"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_account = {f["account"]: f for f in findings}
    assert by_account["111111111111"]["status"] == "PASS" and by_account["111111111111"]["resource"] == "kept-bucket"
    denied = by_account["333333333333"]
    assert (
        denied["status"] == "ERROR"
        and "cannot assume arn:aws:iam::333333333333:role/controlbot-audit" in denied["reasons"][0]
    )
    assert "AccessDenied" in denied["reasons"][0] and code == 2


def test_accounts_without_a_role_template_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VERSIONING), "--account", "111111111111"]) == 2
    assert "--account and --organization need --role-arn" in capsys.readouterr().err


def test_the_role_template_must_say_where_the_account_goes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VERSIONING), "--role-arn", "arn:aws:iam::1:role/x", "--account", "111111111111"]) == 2
    assert "write {account} where each account's id goes" in capsys.readouterr().err


@pytest.mark.usefixtures("aws")
def test_organization_checks_every_active_account(capsys: pytest.CaptureFixture[str]) -> None:
    organizations = boto3.client("organizations", region_name="us-east-1")
    organizations.create_organization(FeatureSet="ALL")
    created = organizations.create_account(Email="audit@example.com", AccountName="workloads")
    member = created["CreateAccountStatus"]["AccountId"]
    _bucket_in(member, "member-bucket", versioned=False)
    args = ["check", str(VERSIONING), "--region", "us-east-1", "--role-arn", ROLE, "--organization", "--format", "json"]
    main(args)
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {(f["account"], f["resource"], f["status"]) for f in findings if f["resource"] != "-"} == {
        (member, "member-bucket", "FAIL")
    }
    assert {f["account"] for f in findings} == {member, "123456789012"}  # the management account has no bucket
