"""Arguments of the control language's steps: quoted names, JSON literals, numbers and regexes."""

from __future__ import annotations

import json
import re
from typing import Any


class StepSyntaxError(ValueError):
    """A step that matches a pattern but carries a malformed argument (bad JSON, bad table)."""


def unquote(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def json_literal(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise StepSyntaxError(
            f"{text.strip()!r} is not a JSON literal (write strings in double quotes, "
            "booleans as true/false, lists as [..])"
        ) from None


def json_list(text: str) -> list[Any]:
    value = json_literal(text)
    if not isinstance(value, list) or not value:
        raise StepSyntaxError(f"{text.strip()!r} must be a non-empty JSON list")
    return value


def number(text: str) -> float | int:
    value = json_literal(text)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StepSyntaxError(f"{text.strip()!r} must be a number")
    return value


def regex_argument(text: str) -> str:
    pattern = unquote(text)
    try:
        re.compile(pattern)
    except re.error as error:
        raise StepSyntaxError(f"invalid regular expression {pattern!r}: {error}") from None
    return pattern


def render_value(value: Any) -> str:
    return json.dumps(value)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
