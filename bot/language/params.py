"""Parameters of the call steps: `"P" from "path"` and `"P" set to <json>` joined by "and", or a table."""

from __future__ import annotations

import re
from typing import Any

from bot.language.values import StepSyntaxError, json_literal, json_prefix, path_argument, unquote

Param = tuple[str, str, Any]  # (name, "path" | "value", path or literal)

QUOTED = r'"((?:[^"\\]|\\.)*)"'  # a double-quoted name or path; \" and \\ escape inside it
_PARAM_FROM = re.compile(rf"\s*{QUOTED} from {QUOTED}")
_PARAM_SET = re.compile(rf"\s*{QUOTED} set to ")
_AND = re.compile(r"\s+and\s+")


def param_list(text: str) -> tuple[Param, ...]:
    """`"P" from "path"` or `"P" set to <json>`, joined by "and"."""
    params: list[Param] = []
    pos = 0
    while True:
        if (m := _PARAM_FROM.match(text, pos)) is not None:
            params.append((unquote(m[1]), "path", path_argument(m[2])))
            pos = m.end()
        elif (m := _PARAM_SET.match(text, pos)) is not None:
            try:
                value, pos = json_prefix(text, m.end())
            except StepSyntaxError as error:
                raise StepSyntaxError(f"the value of {m[1]!r}: {error}") from None
            params.append((unquote(m[1]), "value", value))
        else:
            raise StepSyntaxError(
                f'cannot read the parameters {text!r}: write "<Param>" from "<path>" or "<Param>" set to <json>'
            )
        if pos == len(text):
            return tuple(params)
        if (sep := _AND.match(text, pos)) is None:
            raise StepSyntaxError(f'expected " and " between parameters at {text[pos:]!r}')
        pos = sep.end()


def constant_list(text: str) -> tuple[Param, ...]:
    """`"P" set to <json>` joined by "and": the constants a listing may be given (it has no resource to read)."""
    params = param_list(text)
    from_paths = [name for name, kind, _ in params if kind == "path"]
    if from_paths:
        raise StepSyntaxError(
            f'a listing takes constants only, not "{from_paths[0]}" from a path (there is no resource yet): '
            'write "<Param>" set to <json>'
        )
    return params


def table_param(row: list[str]) -> Param:
    if len(row) != 2:
        raise StepSyntaxError("each table row must have two cells: | Param | path or JSON literal |")
    name, source = row[0].strip(), row[1].strip()
    if source.startswith("[") or source.startswith("{") or source in ("true", "false", "null"):
        return (name, "value", json_literal(source))
    if re.fullmatch(r"-?\d+(\.\d+)?", source):
        return (name, "value", json_literal(source))
    if source.startswith('"') and source.endswith('"') and len(source) >= 2:
        return (name, "value", json_literal(source))
    return (name, "path", path_argument(source))


def table_params(table: list[list[str]] | None) -> tuple[Param, ...]:
    if not table:
        raise StepSyntaxError('a step ending in "with:" needs a table: | Param | path or JSON literal |')
    rows = table[1:] if [c.strip().lower() for c in table[0]] in (["param", "value"], ["param", "from"]) else table
    return tuple(table_param(r) for r in rows)
