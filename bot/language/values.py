"""Arguments of the control language's steps: quoted names, JSON literals, numbers and regexes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from bot.language import limits

T = TypeVar("T")


class StepSyntaxError(ValueError):
    """A step that matches a pattern but carries a malformed argument (bad JSON, bad table)."""


def unquote(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def _no_constant(name: str) -> Any:
    raise StepSyntaxError(f"{name} is not allowed: numbers must be finite")


def _finite(text: str) -> float:
    value = float(text)
    guarded(limits.check_number, value)
    return value


def _decoder() -> json.JSONDecoder:
    # one per call, as json.loads makes: the C scanner keeps per-call state and steps may be checked in threads
    return json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite)


_LITERAL_HINT = " (write strings in double quotes, booleans as true/false, lists as [..])"


def _decoded(decode: Callable[[], T], shown: str, *, explain: bool) -> T:
    """What `decode` returns, every way it can fail said as one StepSyntaxError (`explain`: with how to write it)."""
    try:
        return decode()
    except RecursionError:
        raise StepSyntaxError(
            f"the JSON literal is nested too deeply (at most {limits.MAX_JSON_DEPTH} levels)"
        ) from None
    except StepSyntaxError:
        raise
    except ValueError as error:
        digits = " (integers are limited to 4,300 digits)" if explain and "digits" in str(error) else ""
        raise StepSyntaxError(f"{shown!r} is not a JSON literal{digits}{_LITERAL_HINT if explain else ''}") from None


def json_prefix(text: str, start: int) -> tuple[Any, int]:
    """The JSON literal at text[start:] and where it ends, under the same limits as json_literal."""
    window = text[: start + limits.MAX_JSON_CHARS]
    value, end = _decoded(lambda: _decoder().raw_decode(window, start), text[start : start + 80], explain=False)
    guarded(limits.check_json, value)
    return value, end


def json_literal(text: str) -> Any:
    if len(text) > limits.MAX_JSON_CHARS:
        raise StepSyntaxError(f"the JSON literal is {len(text):,} characters; at most {limits.MAX_JSON_CHARS:,}")
    value = _decoded(lambda: _decoder().decode(text), text.strip()[:80], explain=True)
    guarded(limits.check_json, value)
    return value


def guarded(check: Callable[[Any], None], value: Any) -> None:
    """Run one of the language's limit checks, reporting its refusal as a step syntax error."""
    try:
        check(value)
    except limits.LimitError as error:
        raise StepSyntaxError(str(error)) from None


def json_list(text: str) -> list[Any]:
    value = json_literal(text)
    if not isinstance(value, list) or not value:
        raise StepSyntaxError(f"{text.strip()!r} must be a non-empty JSON list")
    return value


def number(text: str) -> float | int:
    value = json_literal(text)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StepSyntaxError(f"{text.strip()[:80]!r} must be a number")
    guarded(limits.check_number, value)
    return value


def day_count(text: str) -> float | int:
    value = number(text)
    guarded(limits.check_days, value)
    return value


def regex_argument(text: str) -> str:
    pattern = unquote(text)
    guarded(limits.check_regex, pattern)
    return pattern


def path_argument(text: str) -> str:
    path = unquote(text)
    guarded(limits.check_path, path)
    return path


def render_value(value: Any) -> str:
    return json.dumps(value)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
