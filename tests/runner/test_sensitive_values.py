"""No secret leaves a check run: refused operations are never called, sensitive values are never printed (moto)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from bot.cli.main import main
from bot.language.feature import parse_feature
from bot.runner.calls import ApiCache
from bot.runner.findings import Finding
from bot.runner.run import RunOptions, run_controls
from tests.runner.test_run import Recorder

REGION = "us-east-1"
PASSWORD = "hunter2-s3cr3t-value"
SECRET = "sup3r-s3cret-string"
HEAD = "@control:{id} @service:{service} @severity:high @category:other\nFeature: {id}\n\n  Scenario: {id}\n"
LAMBDA_LISTING = 'Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionName"'


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[boto3.Session]:
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    with mock_aws():
        yield boto3.Session(region_name=REGION)


def make_function(session: boto3.Session, name: str = "billing", password: str = PASSWORD) -> None:
    iam = session.client("iam")
    try:
        role = iam.get_role(RoleName="runner")["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        role = iam.create_role(RoleName="runner", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handler.py", "def handle(event, context):\n    return None\n")
    session.client("lambda").create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role,
        Handler="handler.handle",
        Code={"ZipFile": code.getvalue()},
        Environment={"Variables": {"DB_PASSWORD": password, "STAGE": "prod"}},
    )


def feature(control: str, service: str, *steps: str) -> str:
    return HEAD.format(id=control, service=service) + "".join(f"    {step}\n" for step in steps)


def run_feature(session: boto3.Session, text: str, recorder: Recorder | None = None) -> list[Finding]:
    cache = ApiCache(recorder or Recorder(session))
    controls = [("inline", parse_feature(text, "inline.feature"))]
    return run_controls(controls, cache, RunOptions((REGION,), "123456789012"))


def everything(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings])


def lambda_assertion(session: boto3.Session, *steps: str) -> Finding:
    make_function(session)
    [finding] = run_feature(session, feature("lambda-env", "lambda", LAMBDA_LISTING, *steps))
    assert PASSWORD not in everything([finding])
    return finding


def test_a_failed_assertion_on_a_sensitive_value_shows_the_path_and_hides_the_value(session: boto3.Session) -> None:
    finding = lambda_assertion(session, 'Then "Environment.Variables.DB_PASSWORD" must be absent')
    assert finding.status == "FAIL"
    assert finding.reasons == ('"Environment.Variables.DB_PASSWORD" must be absent: actual <sensitive>',)


@pytest.mark.parametrize(
    "expression",
    ["length(Environment.Variables.DB_PASSWORD) < `5`", "reverse(Environment.Variables.DB_PASSWORD) == 'x'"],
)
def test_a_value_derived_from_a_secret_is_hidden_too(session: boto3.Session, expression: str) -> None:
    finding = lambda_assertion(session, f'Then the expression "{expression}" must be true')
    assert finding.status == "FAIL"
    assert finding.reasons == (f'the expression "{expression}" must be true: actual <sensitive>',)
    assert str(len(PASSWORD)) not in finding.reasons[0] and PASSWORD[::-1] not in finding.reasons[0]


def test_a_whole_map_holding_a_secret_is_hidden_but_plain_values_still_show(session: boto3.Session) -> None:
    finding = lambda_assertion(
        session,
        'Then "Environment.Variables" must be absent',
        'And "Environment.Variables.STAGE" must be "dev"',
        'And "Runtime" must be "python3.13"',
    )
    assert finding.status == "FAIL"
    assert finding.reasons == (
        '"Environment.Variables" must be absent: actual <sensitive>',
        '"Environment.Variables.STAGE" must be "dev": actual <sensitive>',
        '"Runtime" must be "python3.13": actual "python3.12"',
    )


def test_a_filter_on_a_secret_never_prints_it(session: boto3.Session) -> None:
    finding = lambda_assertion(
        session,
        'When only resources where "Environment.Variables.DB_PASSWORD" is "x"',
        'Then "Runtime" must be present',
    )
    assert finding.status == "NOT_APPLICABLE"
    assert finding.reasons == ('left out by filter "Environment.Variables.DB_PASSWORD" is "x": actual <sensitive>',)


def test_an_error_message_quoting_a_secret_is_replaced(session: boto3.Session) -> None:
    finding = lambda_assertion(
        session, 'Then the expression "abs(Environment.Variables.DB_PASSWORD) > `1`" must be true'
    )
    assert finding.status == "ERROR"
    assert finding.reasons == ('"abs(Environment.Variables.DB_PASSWORD) > `1`" cannot be evaluated on this resource: '
                               "<sensitive>",)  # fmt: skip


def test_passing_assertions_on_secrets_still_pass(session: boto3.Session) -> None:
    finding = lambda_assertion(session, 'Then "Environment.Variables.DB_PASSWORD" must not be "x"')
    assert (finding.status, finding.reasons) == ("PASS", ())


def test_get_secret_value_is_refused_and_never_called(session: boto3.Session) -> None:
    session.client("secretsmanager").create_secret(Name="db", SecretString=SECRET)
    recorder = Recorder(session)
    text = feature(
        "secret-value",
        "secretsmanager",
        'Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "Name"',
        'And each resource is enriched by "secretsmanager.GetSecretValue" with "SecretId" from "ARN"',
        'Then "GetSecretValue.SecretString" must be "x"',
    )
    [finding] = run_feature(session, text, recorder)
    assert (finding.resource, finding.status) == ("db", "ERROR")
    assert "secretsmanager.GetSecretValue is refused: it returns the secret's value" in finding.reasons[0]
    assert "secretsmanager.DescribeSecret" in finding.reasons[0]
    assert recorder.calls == {"ListSecrets": 1}
    assert SECRET not in everything([finding])


def test_a_revealing_parameter_is_refused_at_the_call(session: boto3.Session) -> None:
    gateway = session.client("apigateway")
    gateway.create_api_key(name="partner", value="k" * 24 + "KEYVALUE", enabled=True)
    recorder = Recorder(session)
    text = feature(
        "api-key-value",
        "apigateway",
        'Given the resources listed by "apigateway.GetApiKeys" at "items" identified by "name"',
        'And each resource is enriched by "apigateway.GetApiKey" with "apiKey" from "id" and "includeValue" set to true',
        'Then "GetApiKey.enabled" must be true',
    )
    [finding] = run_feature(session, text, recorder)
    assert finding.status == "ERROR"
    assert 'parameter "includeValue" of apigateway.GetApiKey is refused' in finding.reasons[0]
    assert "GetApiKey" not in recorder.calls and "KEYVALUE" not in everything([finding])


def test_glue_connections_are_always_read_without_their_password(session: boto3.Session) -> None:
    recorder = Recorder(session)
    text = feature(
        "glue-connections", "glue", 'Given the account setting read by "glue.GetConnections"',
        'Then "GetConnections.ConnectionList" must be present',
    )  # fmt: skip
    [finding] = run_feature(session, text, recorder)
    assert finding.status == "PASS"
    assert recorder.params == [("GetConnections", {"HidePassword": True})]


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_check_never_prints_a_secret_in_any_format(
    session: boto3.Session, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    make_function(session)
    session.client("secretsmanager").create_secret(Name="db", SecretString=SECRET)
    folder = tmp_path / "controls" / "lambda"
    folder.mkdir(parents=True)
    (folder / "lambda-env.feature").write_text(
        feature("lambda-env", "lambda", LAMBDA_LISTING, 'Then "Environment.Variables.DB_PASSWORD" must be "x"')
    )
    (folder / "secret-value.feature").write_text(
        feature(
            "secret-value",
            "secretsmanager",
            'Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "Name"',
            'And each resource is enriched by "secretsmanager.GetSecretValue" with "SecretId" from "ARN"',
            'Then "GetSecretValue.SecretString" must be "x"',
        )
    )
    code = main(["check", str(tmp_path / "controls"), "--region", REGION, "--format", fmt])
    out = capsys.readouterr()
    assert code == 2  # an ERROR (the refused call) outranks the FAIL
    assert PASSWORD not in out.out + out.err and SECRET not in out.out + out.err
    if fmt == "json":
        reasons = {f["control"]: f["reasons"] for f in json.loads(out.out)["findings"]}
        assert reasons["lambda-env"] == ['"Environment.Variables.DB_PASSWORD" must be "x": actual <sensitive>']
        assert "is refused" in reasons["secret-value"][0]
    elif fmt == "junit":
        failure = ET.fromstring(out.out).find(".//testcase/failure")
        assert failure is not None and failure.get("message", "").endswith("actual <sensitive>")
    else:
        assert 'must be "x": actual <sensitive>' in out.out


@pytest.mark.parametrize(
    ("assertion", "subject"),
    [
        ('each element of "Environment.Variables.*", if any, must be "x"', 'each element of "{p}", if any,'),
        ('at least one element of "Environment.Variables.*" must match "^x"', 'at least one element of "{p}"'),
    ],
)
def test_a_quantified_assertion_over_secrets_hides_every_element(
    session: boto3.Session, assertion: str, subject: str
) -> None:
    finding = lambda_assertion(session, f"Then {assertion}")
    assert finding.status == "FAIL"
    [reason] = finding.reasons
    assert reason.startswith(subject.format(p="Environment.Variables.*")) and reason.endswith(": actual <sensitive>")


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (
            "https://builder:ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/org/repo.git",
            "https://<sensitive>@github.com",
        ),
        ("key AKIAABCDEFGHIJKLMNOP in a tag", "key <sensitive> in a tag"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "<sensitive>"),
        ("https://github.com/org/repo.git", "https://github.com/org/repo.git"),
    ],
)
def test_a_credential_in_a_plain_value_never_reaches_a_report(value: str, kept: str) -> None:
    from bot.knowledge.sensitive import scrub_credentials

    assert scrub_credentials(f'"Url" must match "^https://[^@]*$": actual "{value}"').endswith(f'actual "{kept}"') or (
        kept in scrub_credentials(value) and "ghp_" not in scrub_credentials(value)
    )
