"""Strict YAML for request and config files: no anchors, aliases, merges or odd tags, bounded nesting, lines kept."""

from __future__ import annotations

from typing import Any

import yaml

from bot.inputs.errors import RequestError
from bot.inputs.safe_text import one_line

# Explicit tags a file may carry; anything else (!!python/object, !!binary, local !tags) is refused.
_PLAIN_TAGS = frozenset(
    {None, "!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))}
)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MAX_DEPTH = 8
# What a plain scalar was read as (PyYAML's implicit tags), for "cannot be read" messages.
_KINDS = {
    "tag:yaml.org,2002:timestamp": "a date or time",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
}


class YamlRefused(Exception):
    """Why a strict YAML document was refused, where (1-based line) and under which key if known."""

    def __init__(self, message: str, line: int | None, key: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.key = message, line, key


def _unreadable(node: yaml.Node, error: Exception) -> YamlRefused:
    """PyYAML raises plain ValueError/OverflowError for scalars it resolved but cannot build (2001-13-45)."""
    value = one_line(str(node.value), 40) if isinstance(node, yaml.ScalarNode) else "the value"
    kind = _KINDS.get(str(node.tag))
    if kind is None:
        message = f"'{value}' cannot be read ({type(error).__name__}: {one_line(str(error), 200)})"
    elif "digits" in str(error) or isinstance(error, OverflowError):
        message = f"'{value}' reads as {kind} too large to handle; put it in quotes to make it text"
    else:
        message = f"'{value}' reads as {kind} but is not a valid one ({one_line(str(error), 200)}); quote it for text"
    return YamlRefused(message, node.start_mark.line + 1)


class _StrictLoader(yaml.SafeLoader):
    """yaml.SafeLoader that also refuses anchors/aliases (no "billion laughs"), odd tags and deep nesting."""

    _depth = 0
    max_depth = _MAX_DEPTH

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = "YAML anchors and aliases (&name, *name) are not allowed; write values out"
            raise YamlRefused(message, line)
        tag = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS:
            short = one_line(str(tag).replace("tag:yaml.org,2002:", "!!"), 80)
            raise YamlRefused(f"the tag '{short}' is not allowed; only plain values and lists are", line)
        if self._depth >= self.max_depth:
            raise YamlRefused(f"values nest deeper than {self.max_depth} levels", line)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (yaml.YAMLError, YamlRefused):
            raise
        except Exception as error:  # PyYAML's own constructors raise ValueError, OverflowError, …
            raise _unreadable(node, error) from None


def _check_mappings(node: yaml.Node, top: bool = True) -> dict[str, int]:
    """The line of each top-level key; a merge key (<<) or a key given twice, at any level, is refused."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_mappings(item, top=False)
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _MERGE_TAG:
            raise YamlRefused("YAML merge keys (<<) are not allowed; write every key out once", line)
        if isinstance(key_node, yaml.ScalarNode):
            name = str(key_node.value)
            if name in lines:
                raise YamlRefused(f"appears twice (lines {lines[name]} and {line}); keep one", line, name)
            lines[name] = line
        _check_mappings(value_node, top=False)
    return lines if top else {}


def _yaml_problem(error: yaml.YAMLError, text: str) -> YamlRefused:
    if isinstance(error, yaml.MarkedYAMLError):
        mark, start = error.problem_mark or error.context_mark, error.context_mark
        what = ", ".join(str(part) for part in (error.context, error.problem) if part)
        since = f" (from line {start.line + 1})" if start and mark and start.line != mark.line else ""
        return YamlRefused(f"the file is not valid YAML: {one_line(what)}{since}", mark.line + 1 if mark else None)
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1
        return YamlRefused(f"the file is not valid YAML: character #x{error.character:04x} is not allowed", line)
    return YamlRefused(f"the file is not valid YAML: {one_line(str(error))}", None)


def _scanner_fault(error: Exception, loader: _StrictLoader | None) -> YamlRefused:
    """PyYAML's scanner raises a plain ValueError for an escape such as "\\U00110000"."""
    if "chr()" in str(error):
        message = "the file is not valid YAML: an escape names no Unicode character (the last is \\U0010ffff)"
    else:
        message = f"the file is not valid YAML: {type(error).__name__}: {one_line(str(error), 200)}"
    return YamlRefused(message, loader.line + 1 if loader is not None else None)


_FAST: Any = getattr(yaml, "CSafeLoader", None)


def _plain_events(text: str, max_depth: int) -> bool:
    """libyaml's quick pass: True when no anchor, alias, odd tag or deep nesting is present."""
    depth = 0
    for event in yaml.parse(text, Loader=_FAST):  # _FAST is set whenever this runs
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return False
        if getattr(event, "tag", None) not in _PLAIN_TAGS:
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _fast_parse(text: str, max_depth: int) -> tuple[Any, dict[str, int]] | None:
    """The C loader's answer for a plain, valid document; None sends it to the strict loader for its message."""
    if _FAST is None:
        return None
    try:
        if not _plain_events(text, max_depth):
            return None
        loader = _FAST(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, {}
            key_lines = _check_mappings(node)
            return loader.construct_document(node), key_lines
        finally:
            loader.dispose()
    except Exception:  # whatever libyaml or the constructors refuse, the strict loader says why
        return None


def _key_at(key_lines: dict[str, int], line: int | None) -> str | None:
    """The top-level key whose value holds `line`: the last key that starts on or before it."""
    before = [(start, key) for key, start in key_lines.items() if line is not None and start <= line]
    return max(before)[1] if before else None


def load_strict_yaml(text: str, max_depth: int = _MAX_DEPTH) -> tuple[Any, dict[str, int]]:
    """The document and the line of each top-level key; YamlRefused for anything unsafe, invalid or unreadable."""
    fast = _fast_parse(text, max_depth)
    if fast is not None:
        return fast
    loader: _StrictLoader | None = None
    key_lines: dict[str, int] = {}
    try:
        loader = _StrictLoader(text)  # the reader checks for control characters right here (yaml.ReaderError)
        loader.max_depth = max_depth
        node = loader.get_single_node()
        if node is None:
            return None, {}
        key_lines = _check_mappings(node)
        return loader.construct_document(node), key_lines
    except YamlRefused as refused:
        refused.key = refused.key or _key_at(key_lines, refused.line)
        raise
    except yaml.YAMLError as error:
        raise _yaml_problem(error, text) from None
    except Exception as error:
        raise _scanner_fault(error, loader) from None
    finally:
        if loader is not None:
            loader.dispose()


def parse_yaml(text: str, file: str) -> tuple[Any, dict[str, int]]:
    """A request file's document and the line of each top-level key; RequestError for anything refused."""
    try:
        return load_strict_yaml(text)
    except YamlRefused as refused:
        raise RequestError(file, refused.message, key=refused.key, line=refused.line) from None
