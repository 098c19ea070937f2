"""Accepted exceptions (`.controlbot-suppressions.yaml`): which control, which resources, why, and until when."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.inputs.control_tests import node_lines
from bot.inputs.errors import FileError
from bot.inputs.files import read_small_text
from bot.inputs.safe_text import describe_value, first_forbidden
from bot.inputs.safe_yaml import YamlRefused, load_strict_yaml

DEFAULT_FILE = ".controlbot-suppressions.yaml"
MAX_BYTES = 256 * 1024
_KEYS = ("control", "resource", "account", "reason", "expires")
_ACCOUNT = re.compile(r"^\d{12}$")


class SuppressionError(FileError):
    """A suppressions file that cannot be used: names the file, the line, the key and what is allowed."""


@dataclass(frozen=True)
class Suppression:
    control: str
    resource: str  # a shell-style pattern: "logs-*"
    account: str  # "" for any account
    reason: str
    expires: dt.date
    line: int


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and first_forbidden(value) is None


def _one(item: Any, index: int, lines: dict[tuple[str | int, ...], int], file: str) -> Suppression:
    where = ("suppressions", index)
    line = lines.get(where)
    if not isinstance(item, dict):
        raise SuppressionError(file, f"item {index + 1} must be a mapping with {', '.join(_KEYS)}", line=line)
    for key in item:
        if key not in _KEYS:
            message = f"unknown key; allowed keys: {', '.join(_KEYS)}"
            raise SuppressionError(file, message, key=str(key), line=lines.get((*where, str(key)), line))
    for key in ("control", "reason"):
        if not _text(item.get(key)):
            message = f"is required and must be text, not {describe_value(item.get(key))}"
            raise SuppressionError(file, message, key=key, line=lines.get((*where, key), line))
    account = str(item.get("account", ""))
    if account and not _ACCOUNT.match(account):
        message = "must be a 12-digit AWS account id (in quotes)"
        raise SuppressionError(file, message, key="account", line=lines.get((*where, "account"), line))
    expires = item.get("expires")
    if not isinstance(expires, dt.date) or isinstance(expires, dt.datetime):
        message = f"is required and must be a date such as 2027-03-31, not {describe_value(expires)}"
        raise SuppressionError(file, message, key="expires", line=lines.get((*where, "expires"), line))
    resource = item.get("resource", "*")
    if not _text(resource):
        message = "must be a resource id or a pattern such as 'logs-*'"
        raise SuppressionError(file, message, key="resource", line=lines.get((*where, "resource"), line))
    return Suppression(item["control"].strip(), resource.strip(), account, item["reason"].strip(), expires, line or 0)


def parse_suppressions(text: str, file: str) -> tuple[Suppression, ...]:
    try:
        document, _ = load_strict_yaml(text)
    except YamlRefused as refused:
        raise SuppressionError(file, refused.message, key=refused.key, line=refused.line) from None
    if document is None:
        return ()
    items = document.get("suppressions") if isinstance(document, dict) else None
    if not isinstance(document, dict) or set(document) != {"suppressions"} or not isinstance(items, list):
        raise SuppressionError(file, "must hold one key, suppressions: a list of {control, resource, reason, expires}")
    lines = node_lines(yaml.compose(text, Loader=yaml.SafeLoader))
    return tuple(_one(item, i, lines, file) for i, item in enumerate(items))


def load_suppressions(path: Path) -> tuple[Suppression, ...]:
    return parse_suppressions(read_small_text(path, MAX_BYTES, SuppressionError), path.as_posix())
