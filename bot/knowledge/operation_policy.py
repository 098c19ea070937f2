"""Which AWS operations and parameters a control may use: metadata reads only, never a secret, credential or token.

Why a denylist over the botocore model, not an allowlist: the catalogue spans ~400 services and ~8,400 read
operations, nearly all of them metadata (settings, states, ARNs, flags) that controls need; a hand-kept
allowlist would refuse every new service until someone listed it. What must never be called is narrower and
has shapes the model exposes, so an operation is refused when any of these holds:

1. its name is not a read (Get/Describe/List/BatchGet/Head + a capital): writes are never called;
2. it is named as returning a credential: (Batch)Get…Token/Credentials/Password/PasswordData/SecretValue/
   AccessDetails/EmbedUrl/PresignedURL/LoginUrl (optionally …With…/…For…). This catches what the model does
   not mark `sensitive` (ecr/codeartifact GetAuthorizationToken hand out registry passwords unmarked);
3. its response holds, within two structure levels and outside any list or map, a member botocore marks
   `sensitive` and names like a credential (password, secret, token, credentials, private/secret/api key;
   paging tokens aside): the operation exists to return that value (sts.GetSessionToken's
   Credentials.SecretAccessKey, secretsmanager.GetSecretValue's SecretString, cognito-idp.DescribeUserPoolClient's
   ClientSecret). Deeper, listed members (rds.DescribeDBInstances' PendingModifiedValues.MasterUserPassword)
   are incidental to a metadata read: those operations stay allowed and the runner never prints a value of
   a `sensitive` shape (see `bot.knowledge.sensitive`);
4. its response is a stream (s3.GetObject's Body): content, not metadata;
5. an explicit entry below: secret stores whose values are not marked (ssm.GetParameter*), and lists of
   secrets the depth rule leaves out (secretsmanager.BatchGetSecretValue).

A few reads that rule 2 would catch but that return no secret stay allowed (EXPLICITLY_ALLOWED). Parameters
that make a read reveal a secret or write (`WithDecryption`, `AutoCreate`, `includeValue`, …) are refused
whatever their value, and a few are forced (glue's GetConnection returns the password unless HidePassword).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from botocore.model import Shape

from bot.inputs.errors import UsageError
from bot.knowledge.botocore_index import READ_PREFIXES, ServiceIndex, is_read_operation, service_model


@dataclass(frozen=True)
class Refusal:
    """Why an operation or parameter is never used, and what to use instead (if anything)."""

    reason: str
    instead: str = ""

    def message(self, subject: str) -> str:
        hint = f"; use {self.instead} instead" if self.instead else ""
        return f"{subject} is refused: {self.reason}{hint} (controls only ever read metadata)"


_DESCRIBE_SECRET = "secretsmanager.DescribeSecret (rotation, KMS key, last accessed)"
_DESCRIBE_PARAMETERS = "ssm.DescribeParameters (type, KMS key, tier, last modified)"
REFUSED_OPERATIONS: dict[str, Refusal] = {
    "secretsmanager.GetSecretValue": Refusal("it returns the secret's value", _DESCRIBE_SECRET),
    "secretsmanager.BatchGetSecretValue": Refusal("it returns secret values", "secretsmanager.ListSecrets"),
    "secretsmanager.GetRandomPassword": Refusal("it generates a password"),
    # A String parameter's Value is plaintext and often a secret stored carelessly; a SecureString's is
    # ciphertext (plaintext with WithDecryption). No control needs the value: DescribeParameters has the rest.
    "ssm.GetParameter": Refusal("it returns the parameter's value", _DESCRIBE_PARAMETERS),
    "ssm.GetParameters": Refusal("it returns parameter values", _DESCRIBE_PARAMETERS),
    "ssm.GetParametersByPath": Refusal("it returns parameter values", _DESCRIBE_PARAMETERS),
    "ssm.GetParameterHistory": Refusal("it returns past parameter values", _DESCRIBE_PARAMETERS),
    "ec2.GetPasswordData": Refusal("it returns the instance's encrypted administrator password"),
    "ecr.GetAuthorizationToken": Refusal("it returns a registry password", "ecr.DescribeRepositories"),
    "ecr-public.GetAuthorizationToken": Refusal("it returns a registry password", "ecr-public.DescribeRepositories"),
    "codeartifact.GetAuthorizationToken": Refusal("it returns a repository token", "codeartifact.ListDomains"),
    "redshift.GetClusterCredentials": Refusal("it returns a database password (and AutoCreate makes a user)"),
    "redshift.GetClusterCredentialsWithIAM": Refusal("it returns a database password"),
    "redshift-serverless.GetCredentials": Refusal("it returns a database password"),
    "lightsail.GetInstanceAccessDetails": Refusal("it returns a password and private key", "lightsail.GetInstance"),
    "lightsail.GetBucketAccessKeys": Refusal("it returns secret access keys", "lightsail.GetBuckets"),
    "cognito-idp.ListUserPoolClientSecrets": Refusal("it returns client secrets"),
    "storagegateway.DescribeChapCredentials": Refusal("it returns CHAP secrets"),
    "chime.ListBots": Refusal("it returns bot security tokens"),
    "chime-sdk-meetings.ListAttendees": Refusal("it returns attendee join tokens"),
    "wafv2.GetDecryptedAPIKey": Refusal("it returns a decrypted API key", "wafv2.ListAPIKeys"),
    "kms.Decrypt": Refusal("it returns plaintext (and it is not a read)", "kms.DescribeKey"),
    "kms.GenerateDataKey": Refusal("it returns a plaintext data key (and it is not a read)", "kms.DescribeKey"),
    "kms.GenerateDataKeyPair": Refusal("it returns a private key (and it is not a read)", "kms.DescribeKey"),
    "kms.GetParametersForImport": Refusal("it returns an import token", "kms.DescribeKey"),
}
# Named like a credential but returning none: a report of credential metadata (no key or password in it),
# a password *policy*, WAF Classic's change tokens (a concurrency handle for its writes).
EXPLICITLY_ALLOWED = frozenset(
    {"iam.GetCredentialReport", "iam.GetAccountPasswordPolicy", "waf.GetChangeToken", "waf-regional.GetChangeToken"}
)

REFUSED_PARAMETERS: dict[str, Refusal] = {
    "WithDecryption": Refusal("it returns the decrypted value"),
    "AutoCreate": Refusal("it makes a read create a database user"),
    "includeValue": Refusal("it returns the API key's value"),
    "includeValues": Refusal("it returns the API keys' values"),
    "withSecret": Refusal("it returns the connection's secret"),
    "unmask": Refusal("it reveals masked log data"),
}
FORCED_PARAMETERS: dict[str, dict[str, Any]] = {
    "glue.GetConnection": {"HidePassword": True},  # glue returns the connection password unless told not to
    "glue.GetConnections": {"HidePassword": True},
}

_CREDENTIAL_NAME = re.compile(
    r"(?:Batch)?Get\w*?(?:Token|Credentials|Password|PasswordData|SecretValue|AccessDetails|EmbedUrl"
    r"|PresignedURL|LoginUrl)(?:(?:With|For)[A-Z]\w*)?"
)
_CREDENTIAL_MEMBER = re.compile(
    r"password|passphrase|secret(?!arn|id|name)|tokens?$|credential|privatekey|secretkey|accesskey(?!id)|apikey",
    re.IGNORECASE,
)
_PAGING_TOKEN = re.compile(r"(next|page|pagination|continuation|starting)\w*token|^marker$", re.IGNORECASE)
_CREDENTIAL_DEPTH = 2


def _model_operation(service: str, operation: str) -> Any:
    try:
        model = service_model(service)
    except UsageError:
        return None
    return model.operation_model(operation) if operation in model.operation_names else None


def _credential_member(shape: Shape | None, depth: int = 1) -> str | None:
    """The name of a credential-like `sensitive` member within the first levels of a response structure."""
    if shape is None or shape.type_name != "structure" or depth > _CREDENTIAL_DEPTH:
        return None
    for name, member in shape.members.items():
        if member.metadata.get("sensitive") and _CREDENTIAL_MEMBER.search(name) and not _PAGING_TOKEN.search(name):
            return str(name)
        found = _credential_member(member, depth + 1)
        if found:
            return f"{name}.{found}"
    return None


@functools.cache
def operation_refusal(service: str, operation: str) -> Refusal | None:
    """Why `service.operation` is never called by a control, or None when it may be."""
    op_ref = f"{service}.{operation}"
    if op_ref in REFUSED_OPERATIONS:
        return REFUSED_OPERATIONS[op_ref]
    if not is_read_operation(operation):
        return Refusal(f"not a read operation ({'/'.join(READ_PREFIXES)}): never called")
    if op_ref in EXPLICITLY_ALLOWED:
        return None
    if _CREDENTIAL_NAME.fullmatch(operation):
        return Refusal("its name says it returns a credential, token or password")
    model = _model_operation(service, operation)
    output = model.output_shape if model is not None else None
    member = _credential_member(output)
    if member:
        return Refusal(f"its response holds {member}, which botocore marks sensitive")
    return _content_refusal(output)


def _content_refusal(output: Shape | None) -> Refusal | None:
    """An operation whose response payload is a blob (s3.GetObject's Body) returns content, not metadata."""
    payload = output.serialization.get("payload") if output is not None else None
    if output is not None and payload and output.members[payload].type_name == "blob":
        return Refusal(f"its response {payload} is content, not metadata")
    return None


def parameter_refusal(service: str, operation: str, name: str, value: Any) -> Refusal | None:
    """Why a parameter may not be sent to an operation (with that value), or None."""
    if name in REFUSED_PARAMETERS:
        return REFUSED_PARAMETERS[name]
    forced = FORCED_PARAMETERS.get(f"{service}.{operation}", {})
    if name in forced and value != forced[name]:
        return Refusal(f"controls always send {name}={forced[name]!r} here, so no secret is returned")
    return None


def forced_parameters(service: str, operation: str) -> dict[str, Any]:
    """Parameters the runner always sends to this operation so that it returns no secret."""
    return dict(FORCED_PARAMETERS.get(f"{service}.{operation}", {}))


def call_refusal(service: str, operation: str, params: dict[str, Any]) -> str | None:
    """The message refusing a call (operation or any parameter), or None when it may be made."""
    refused = operation_refusal(service, operation)
    if refused is not None:
        return refused.message(f"{service}.{operation}")
    for name, value in params.items():
        refused = parameter_refusal(service, operation, name, value)
        if refused is not None:
            return refused.message(f'parameter "{name}" of {service}.{operation}')
    return None


def callable_only(index: ServiceIndex) -> ServiceIndex:
    """The index without the operations controls may not call: what retrieval ranks and the model sees."""
    operations = {n: op for n, op in index.operations.items() if operation_refusal(index.service, n) is None}
    fields = [f for f in index.fields if f.operation in operations]
    if len(operations) == len(index.operations):
        return index
    return ServiceIndex(index.service, operations, fields, index.model)
