"""The operation policy: what it refuses and why, and that retrieval never offers a refused operation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.knowledge.operation_policy import call_refusal, operation_refusal, parameter_refusal
from bot.knowledge.retrieval import retrieve
from bot.knowledge.shapes import PathError, operation

REFUSED = [
    ("secretsmanager", "GetSecretValue", "secret's value"),
    ("secretsmanager", "BatchGetSecretValue", "secret values"),
    ("ssm", "GetParameter", "parameter's value"),
    ("ssm", "GetParameters", "parameter values"),
    ("ssm", "GetParametersByPath", "parameter values"),
    ("ssm", "GetParameterHistory", "past parameter values"),
    ("ec2", "GetPasswordData", "password"),
    ("ecr", "GetAuthorizationToken", "registry password"),
    ("ecr-public", "GetAuthorizationToken", "registry password"),
    ("sts", "GetSessionToken", "credential, token or password"),
    ("sts", "GetFederationToken", "credential, token or password"),
    ("sts", "GetWebIdentityToken", "credential, token or password"),
    ("redshift", "GetClusterCredentials", "AutoCreate makes a user"),
    ("redshift", "GetClusterCredentialsWithIAM", "database password"),
    ("redshift-serverless", "GetCredentials", "database password"),
    ("codeartifact", "GetAuthorizationToken", "repository token"),
    ("kms", "Decrypt", "plaintext"),
    ("kms", "GenerateDataKey", "plaintext data key"),
    ("kms", "GenerateDataKeyWithoutPlaintext", "not a read operation"),
    ("cognito-identity", "GetCredentialsForIdentity", "credential, token or password"),
    ("cognito-identity", "GetOpenIdToken", "credential, token or password"),
    ("cognito-identity", "GetOpenIdTokenForDeveloperIdentity", "credential, token or password"),
    ("sso", "GetRoleCredentials", "credential, token or password"),
    ("lightsail", "GetInstanceAccessDetails", "password and private key"),
    ("cognito-idp", "DescribeUserPoolClient", "UserPoolClient.ClientSecret, which botocore marks sensitive"),
    ("s3", "GetObject", "Body is content, not metadata"),
    ("s3", "DeleteBucket", "not a read operation"),
]


@pytest.mark.parametrize(("service", "name", "why"), REFUSED)
def test_operations_that_return_secrets_or_write_are_refused(service: str, name: str, why: str) -> None:
    operation(service, name)  # the name is real: the policy, not a typo, refuses it
    refusal = operation_refusal(service, name)
    assert refusal is not None and why in refusal.reason


@pytest.mark.parametrize(
    "op_ref",
    [
        "iam.GetCredentialReport",  # credential metadata (ages, MFA, last use), no key or password in it
        "iam.GetAccountPasswordPolicy",
        "iam.ListAccessKeys",
        "secretsmanager.DescribeSecret",
        "secretsmanager.ListSecrets",
        "ssm.DescribeParameters",
        "rds.DescribeDBInstances",  # its masked MasterUserPassword is never printed (bot/knowledge/sensitive.py)
        "lambda.ListFunctions",
        "s3.GetBucketEncryption",
        "sts.GetCallerIdentity",
    ],
)
def test_metadata_reads_stay_allowed(op_ref: str) -> None:
    service, name = op_ref.split(".")
    assert operation_refusal(service, name) is None


def test_the_message_says_what_to_use_instead() -> None:
    message = call_refusal("secretsmanager", "GetSecretValue", {})
    assert message == (
        "secretsmanager.GetSecretValue is refused: it returns the secret's value; use secretsmanager.DescribeSecret "
        "(rotation, KMS key, last accessed) instead (controls only ever read metadata)"
    )
    assert "ssm.DescribeParameters" in (call_refusal("ssm", "GetParameters", {}) or "")


@pytest.mark.parametrize(
    ("op_ref", "name", "value", "refused"),
    [
        ("ssm.DescribeParameters", "WithDecryption", False, True),  # refused whatever its value
        ("redshift.DescribeClusters", "AutoCreate", True, True),
        ("apigateway.GetApiKeys", "includeValues", True, True),
        ("glue.GetConnection", "HidePassword", False, True),
        ("glue.GetConnection", "HidePassword", True, False),
        ("apigateway.GetApiKeys", "limit", 10, False),
    ],
)
def test_parameters_that_reveal_or_write_are_refused(op_ref: str, name: str, value: object, refused: bool) -> None:
    service, op = op_ref.split(".")
    assert (parameter_refusal(service, op, name, value) is not None) is refused


def test_an_unknown_service_or_operation_is_left_to_the_checker() -> None:
    assert operation_refusal("no-such-service", "GetThing") is None
    assert operation_refusal("s3", "GetNothingAtAll") is None


def test_retrieval_never_ranks_a_refused_operation_or_its_fields() -> None:
    found = retrieve("secretsmanager", "the secret value and secret string must be rotated", k=40)
    names = {o.name for o in found.operations} | {f.operation for f in found.fields}
    assert "DescribeSecret" in names
    assert not {n for n in names if operation_refusal("secretsmanager", n)}
    context = found.render_boto3(max_chars=50_000)
    assert "get_secret_value" not in context and "batch_get_secret_value" not in context


def test_a_typo_is_never_corrected_to_a_refused_operation() -> None:
    with pytest.raises(PathError) as raised:
        operation("secretsmanager", "GetSecretValu")
    assert "GetSecretValue" not in str(raised.value)


def test_the_retrieve_command_never_shows_a_refused_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "controls" / "ssm" / "parameters-are-secure-strings.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "service: ssm\nresource: SSM parameter\nrequirement: >\n  Parameter values holding secrets must be "
        "SecureString, decrypted with a customer managed key; read the parameter value with decryption.\n",
        encoding="utf-8",
    )
    assert main(["retrieve", str(path), "--json", "-k", "30"]) == 0
    out = json.loads(capsys.readouterr().out)
    shown = {o["name"] for o in out["operations"]} | {f["operation"] for f in out["fields"]}
    assert "DescribeParameters" in shown
    assert not shown & {"GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory"}
    assert main(["retrieve", str(path), "-k", "30"]) == 0
    assert "get_parameter(" not in capsys.readouterr().out
