"""`controlbot validate` refuses a control that would fetch a secret, and says what to use instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from tests.paths import REPO

NAMED = [
    "secretsmanager.GetSecretValue",
    "secretsmanager.BatchGetSecretValue",
    "ssm.GetParameter",
    "ssm.GetParameters",
    "ssm.GetParametersByPath",
    "ssm.GetParameterHistory",
    "ec2.GetPasswordData",
    "ecr.GetAuthorizationToken",
    "ecr-public.GetAuthorizationToken",
    "sts.GetSessionToken",
    "sts.GetFederationToken",
    "sts.GetWebIdentityToken",
    "redshift.GetClusterCredentials",
    "redshift.GetClusterCredentialsWithIAM",
    "redshift-serverless.GetCredentials",
    "codeartifact.GetAuthorizationToken",
    "kms.Decrypt",
    "kms.GenerateDataKey",
    "cognito-identity.GetCredentialsForIdentity",
    "cognito-identity.GetOpenIdToken",
    "sso.GetRoleCredentials",
    "lightsail.GetInstanceAccessDetails",
]


def write(tmp_path: Path, service: str, *steps: str) -> Path:
    path = tmp_path / "controls" / service / "reads-a-secret.feature"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"    {step}\n" for step in steps)
    path.write_text(
        f"@control:reads-a-secret @service:{service} @severity:high @category:other\n"
        f"Feature: a control that reads a secret\n\n  Scenario: the secret\n{lines}",
        encoding="utf-8",
    )
    return path


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("op_ref", NAMED)
def test_a_feature_using_a_secret_returning_operation_fails_validate(
    op_ref: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service, name = op_ref.split(".")
    path = write(tmp_path, service, f'Given the account setting read by "{op_ref}"', f'Then "{name}" must be absent')
    code, out = validate(path, capsys)
    assert code == 1
    assert f'{path}:5: "{op_ref}" is refused: ' in out
    assert "(controls only ever read metadata)" in out


def test_the_error_names_the_metadata_operation_to_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        "secretsmanager",
        'Given the resources listed by "secretsmanager.ListSecrets" at "SecretList" identified by "Name"',
        'And each resource is enriched by "secretsmanager.GetSecretValue" with "SecretId" from "ARN"',
        'Then "GetSecretValue.SecretString" must be present',
    )
    code, out = validate(path, capsys)
    assert code == 1
    assert (
        f"{path}:6: " in out and "use secretsmanager.DescribeSecret (rotation, KMS key, last accessed) instead" in out
    )


@pytest.mark.parametrize(
    ("enrichment", "message"),
    [
        ('"apigateway.GetApiKey" with "apiKey" from "id" and "includeValue" set to true',
         'parameter "includeValue" of "apigateway.GetApiKey" is refused: it returns the API key\'s value'),
        ('"apigateway.GetApiKey" with "apiKey" from "id" and "includeValue" set to false',
         'parameter "includeValue" of "apigateway.GetApiKey" is refused'),
    ],
)  # fmt: skip
def test_a_parameter_that_reveals_a_secret_fails_validate(
    enrichment: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "apigateway",
        'Given the resources listed by "apigateway.GetApiKeys" at "items" identified by "id"',
        f"And each resource is enriched by {enrichment}",
        'Then "GetApiKey.enabled" must be true',
    )
    code, out = validate(path, capsys)
    assert code == 1 and f"{path}:6: {message}" in out


def test_glue_connections_validate_only_with_the_password_hidden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def glue(hide: str) -> Path:
        return write(
            tmp_path,
            "glue",
            'Given the resources listed by "glue.GetConnections" at "ConnectionList" identified by "Name"',
            f'And each resource is enriched by "glue.GetConnection" with "Name" from "Name" and "HidePassword" set to {hide}',
            'Then "GetConnection.Connection.ConnectionType" must be present',
        )

    code, out = validate(glue("false"), capsys)
    assert code == 1 and "controls always send HidePassword=True here" in out
    assert validate(glue("true"), capsys)[0] == 0


def test_every_control_of_the_catalogue_passes_the_policy(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    code = main(["validate"])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert code == 0, out
    assert "0 error(s)" in out and "refused" not in out


def test_a_sensitive_member_is_never_a_resource_name_nor_sent_as_a_parameter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "Environment.Variables.DB_PASSWORD"  # botocore marks Lambda's environment values sensitive
    named_by_secret = write(
        tmp_path,
        "lambda",
        f'Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "{secret}"',
        'Then "Runtime" must be present',
    )
    code, out = validate(named_by_secret, capsys)
    assert code == 1 and f'{named_by_secret}:5: "{secret}" is marked sensitive: a report never shows it' in out
    sent = write(
        tmp_path,
        "lambda",
        'Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionName"',
        f'And each resource is enriched by "lambda.GetFunctionConfiguration" with "FunctionName" from "{secret}"',
        'Then "Runtime" must be present',
    )
    code, out = validate(sent, capsys)
    assert code == 1 and f'{sent}:6: "{secret}" is marked sensitive: a control never sends it' in out
