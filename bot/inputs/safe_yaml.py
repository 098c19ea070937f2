"""Strict YAML for request files: no anchors or aliases, no odd tags, bounded nesting, lines kept."""

from __future__ import annotations

from typing import Any

import yaml

from bot.inputs.errors import RequestError

# Explicit tags a request may carry; anything else (!!python/object, !!binary, local !tags) is refused.
_PLAIN_TAGS = frozenset(
    {None, "!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))}
)
_MAX_DEPTH = 8


class _Refused(Exception):
    def __init__(self, message: str, line: int, key: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.key = message, line, key


class _RequestLoader(yaml.SafeLoader):
    """yaml.SafeLoader that also refuses anchors/aliases (no "billion laughs"), odd tags and deep nesting."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = "YAML anchors and aliases (&name, *name) are not allowed in request files; write values out"
            raise _Refused(message, line)
        tag = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS:
            short = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"the tag '{short}' is not allowed; a request holds plain text and lists of text", line)
        if self._depth >= _MAX_DEPTH:
            raise _Refused(f"values nest deeper than {_MAX_DEPTH} levels; a request holds text and lists", line)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _key_lines(node: yaml.Node) -> dict[str, int]:
    """The line of each top-level key; a repeated key is refused."""
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            line = key_node.start_mark.line + 1
            if key_node.value in lines:
                first = lines[key_node.value]
                raise _Refused(f"appears twice (lines {first} and {line}); keep one", line, key_node.value)
            lines[key_node.value] = line
    return lines


def _yaml_problem(error: yaml.YAMLError, text: str) -> tuple[str, int | None]:
    if isinstance(error, yaml.MarkedYAMLError):
        mark, start = error.problem_mark or error.context_mark, error.context_mark
        what = ", ".join(str(part) for part in (error.context, error.problem) if part)
        since = f" (from line {start.line + 1})" if start and mark and start.line != mark.line else ""
        return f"the file is not valid YAML: {what}{since}", mark.line + 1 if mark else None
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1
        return f"the file is not valid YAML: character #x{error.character:04x} is not allowed", line
    return f"the file is not valid YAML: {error}", None


_FAST: Any = getattr(yaml, "CSafeLoader", None)


def _plain_events(text: str) -> bool:
    """libyaml's quick pass: True when no anchor, alias, odd tag or deep nesting is present."""
    depth = 0
    for event in yaml.parse(text, Loader=_FAST):  # _FAST is set whenever this runs
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return False
        if getattr(event, "tag", None) not in _PLAIN_TAGS:
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _fast_parse(text: str) -> tuple[Any, dict[str, int]] | None:
    """The C loader's answer for a plain, valid document; None sends it to the strict loader for its message."""
    if _FAST is None:
        return None
    try:
        if not _plain_events(text):
            return None
        loader = _FAST(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, {}
            return loader.construct_document(node), _key_lines(node)
        finally:
            loader.dispose()
    except (yaml.YAMLError, _Refused):
        return None


def parse_yaml(text: str, file: str) -> tuple[Any, dict[str, int]]:
    """The document and the line of each top-level key; RequestError for anything unsafe or invalid."""
    fast = _fast_parse(text)
    if fast is not None:
        return fast
    loader: _RequestLoader | None = None
    try:
        loader = _RequestLoader(text)  # the reader checks for control characters right here
        node = loader.get_single_node()
        if node is None:
            return None, {}
        key_lines = _key_lines(node)
        return loader.construct_document(node), key_lines
    except _Refused as refused:
        raise RequestError(file, refused.message, key=refused.key, line=refused.line) from None
    except yaml.YAMLError as error:
        message, line = _yaml_problem(error, text)
        raise RequestError(file, message, line=line) from None
    finally:
        if loader is not None:
            loader.dispose()
