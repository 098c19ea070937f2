"""Boto3 client names and the aliases people write for them ("Amazon SageMaker", "CloudWatch Logs", "alb")."""

from __future__ import annotations

import difflib
import gzip
import json
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Protocol

import botocore.session
from botocore.loaders import JSONFileLoader, Loader

from bot.inputs.errors import ControlbotError
from bot.inputs.safe_text import one_line

# Metadata fields that name a service, most specific first: a lower rank wins when two services share an alias.
_METADATA_FIELDS = ("serviceId", "serviceAbbreviation", "serviceFullName", "endpointPrefix", "signingName")
_CLIENT_RANK = 0
_HAND_RANK = 1
_DERIVED_RANK = len(_METADATA_FIELDS) + 2
_PREFIXES = ("amazon", "aws")

# Names people use that botocore's metadata does not carry (or carries for a different service).
_HAND_ALIASES: Mapping[str, str] = {
    "cognito": "cognito-idp",
    "cognito user pools": "cognito-idp",
    "cognito user pool": "cognito-idp",
    "user pools": "cognito-idp",
    "cognito identity pools": "cognito-identity",
    "identity pools": "cognito-identity",
    "alb": "elbv2",
    "nlb": "elbv2",
    "gwlb": "elbv2",
    "elb v2": "elbv2",
    "application load balancer": "elbv2",
    "application load balancers": "elbv2",
    "network load balancer": "elbv2",
    "gateway load balancer": "elbv2",
    "classic load balancer": "elb",
    "clb": "elb",
    "cloudwatch logs": "logs",
    "cloudwatch events": "events",
    "opensearch service": "opensearch",
    "config": "config",
    "msk": "kafka",
    "documentdb": "docdb",
    "aurora": "rds",
    "vpc": "ec2",
    "systems manager": "ssm",
    "parameter store": "ssm",
    "step functions": "stepfunctions",
    "data firehose": "firehose",
    "iam identity center": "sso-admin",
    "identity center": "sso-admin",
    "sagemaker ai": "sagemaker",
}

_HEAD_CHUNK = 4096
_HEAD_LIMIT = 65536
_METADATA_KEY = re.compile(r'"metadata"\s*:\s*(?=\{)')


class UnknownServiceError(ControlbotError, LookupError):
    """A service name that is no boto3 client name nor a known alias of exactly one."""

    def __init__(self, name: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.name = name
        self.suggestions = suggestions
        self.ambiguous = ambiguous
        super().__init__(describe_unknown(name, suggestions, ambiguous))


def describe_unknown(name: str, suggestions: list[str], ambiguous: bool) -> str:
    """The one-line explanation shown for a service name that does not resolve."""
    listed = ", ".join(f"'{s}'" for s in suggestions)
    name = one_line(name, 80)
    if ambiguous:
        return f"'{name}' names several services ({listed}); write the boto3 client name of the one you mean"
    hint = f"did you mean {listed}? " if suggestions else ""
    return f"unknown service '{name}'; {hint}expected a boto3 client name such as 's3', 'ec2' or 'sagemaker'"


def alias_key(text: str) -> str:
    """Normalise a service name for lookup: lower case, no separators, no leading "Amazon"/"AWS"."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    while len(words) > 1 and words[0] in _PREFIXES:
        words = words[1:]
    return "".join(words)


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _MetadataFileLoader(JSONFileLoader):  # type: ignore[misc]
    """Reads only the leading "metadata" object of a model file instead of parsing megabytes of shapes."""

    def load_file(self, file_path: str) -> Any:
        for ext in (".json", ".json.gz"):
            path = file_path + ext
            if not os.path.isfile(path):
                continue
            metadata = _read_metadata_file(path)
            return {"metadata": metadata} if metadata is not None else super().load_file(file_path)
        return None


def _read_metadata_file(path: str) -> dict[str, Any] | None:
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as packed:
            return _read_metadata(packed)
    with open(path, "rb") as plain:
        return _read_metadata(plain)


def _read_metadata(handle: _Readable) -> dict[str, Any] | None:
    """Decode the "metadata" object from the head of a model file; None when it is not near the top."""
    head = b""
    while len(head) < _HEAD_LIMIT:
        chunk = handle.read(_HEAD_CHUNK)
        head += chunk
        text = head.decode("utf-8", errors="ignore")
        found = _METADATA_KEY.search(text)
        if found:
            try:
                value, _ = json.JSONDecoder().raw_decode(text, found.end())
            except json.JSONDecodeError:
                value = None
            if isinstance(value, dict):
                return value
        if not chunk:
            return None
    return None


def _metadata_loader() -> Loader:
    # Same search paths as the session boto3 would use (AWS_DATA_PATH, ~/.aws/models, the bundled data).
    session_loader = botocore.session.Session().get_component("data_loader")
    return Loader(
        extra_search_paths=list(session_loader.search_paths),
        file_loader=_MetadataFileLoader(),
        include_default_search_paths=False,
    )


@cache
def _service_metadata() -> dict[str, dict[str, Any]]:
    loader = _metadata_loader()
    result: dict[str, dict[str, Any]] = {}
    for name in loader.list_available_services("service-2"):
        version = loader.determine_latest_version(name, "service-2")
        data = loader.load_data(f"{name}/{version}/service-2")
        result[name] = dict(data.get("metadata", {}))
    return result


def service_names() -> tuple[str, ...]:
    """Every boto3 client name botocore ships a model for, sorted."""
    return tuple(sorted(_service_metadata()))


def _name_variants(value: str) -> Iterable[tuple[str, bool]]:
    """The key of a metadata name, plus looser derived keys (without "(...)" or a trailing "service")."""
    yield alias_key(value), False
    bare = re.sub(r"\([^)]*\)", " ", value)
    yield alias_key(bare), True
    words = re.sub(r"[^a-z0-9]+", " ", bare.lower()).split()
    if len(words) > 1 and words[-1] == "service":
        yield alias_key(" ".join(words[:-1])), True


def build_alias_table(metadata: Mapping[str, Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    """Map each alias key to the client names it denotes at its best (lowest) rank."""
    ranked: dict[str, tuple[int, set[str]]] = {}

    def add(key: str, rank: int, name: str) -> None:
        if not key:
            return
        best = ranked.get(key)
        if best is None or rank < best[0]:
            ranked[key] = (rank, {name})
        elif rank == best[0]:
            best[1].add(name)

    for name, meta in metadata.items():
        add(alias_key(name), _CLIENT_RANK, name)
        for rank, field in enumerate(_METADATA_FIELDS, start=_HAND_RANK + 1):
            value = meta.get(field)
            if isinstance(value, str):
                for key, derived in _name_variants(value):
                    add(key, _DERIVED_RANK if derived else rank, name)
    for alias, name in _HAND_ALIASES.items():
        if name in metadata:
            add(alias_key(alias), _HAND_RANK, name)
    return {key: frozenset(names) for key, (_, names) in ranked.items()}


@cache
def _alias_table() -> dict[str, frozenset[str]]:
    return build_alias_table(_service_metadata())


def _suggest(key: str, table: Mapping[str, frozenset[str]], limit: int = 3) -> list[str]:
    suggestions: list[str] = []
    cutoff = 0.5 if len(key) <= 3 else 0.6
    close = difflib.get_close_matches(key, list(table), n=limit * 3, cutoff=cutoff)
    contained = sorted(k for k in table if key and len(key) >= 3 and key in k)
    for match in [*close, *contained]:
        for name in sorted(table[match]):
            if name not in suggestions:
                suggestions.append(name)
    return suggestions[:limit]


def resolve_service(name: str) -> str:
    """The boto3 client name for a client name or alias; raises UnknownServiceError with close matches."""
    stripped = name.strip()
    names = _service_metadata()
    if stripped in names:
        return stripped
    table = _alias_table()
    key = alias_key(stripped)
    found = table.get(key)
    if found and len(found) == 1:
        return next(iter(found))
    if found:
        raise UnknownServiceError(stripped, sorted(found), ambiguous=True)
    raise UnknownServiceError(stripped, _suggest(key, table))
