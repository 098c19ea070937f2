"""Untrusted text made safe for one log line: control, bidi and line-break characters escaped, no workflow commands."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

# Characters a request value may not hold: C0 controls but tab and newline, DEL, C1 controls, the Unicode
# line/paragraph separators (str.splitlines and some editors break lines there), the bidi embeddings,
# overrides and isolates ("Trojan Source"), and lone surrogates (they cannot be encoded as UTF-8).
FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Escaped wherever untrusted text is shown (logs, terminals, markdown, JSON, JUnit): all of the above plus
# tab, newline, the bidi marks, the byte order mark and the XML non-characters U+FFFE/U+FFFF.
_ESCAPED = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
_READABLE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# GitHub Actions reads a line as a workflow command when it starts with "::" after leading blanks, and the
# runner's older form "##[command]" is recognised anywhere in a line.
_COMMAND_START = re.compile(r"^(\s*):")
_OLD_COMMAND = "##["
DEFAULT_LIMIT = 2000


def _escape_char(found: re.Match[str]) -> str:
    char = found.group()
    if char in _READABLE:
        return _READABLE[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """The text with every control, line-break, bidi and surrogate character written as a backslash escape."""
    return _ESCAPED.sub(_escape_char, text)


def _no_command(line: str) -> str:
    if line.lstrip().startswith("::"):
        line = _COMMAND_START.sub(lambda m: m.group(1) + "\\x3a", line, count=1)
    return line.replace(_OLD_COMMAND, "#\\x23[")


def one_line(text: str, limit: int = DEFAULT_LIMIT) -> str:
    """Untrusted text as one safe log line of at most `limit` characters (a cut is marked with "…")."""
    line = _no_command(escape(text))
    return line if len(line) <= limit else line[: max(limit - 1, 0)] + "…"


def safe_lines(text: str) -> str:
    """Untrusted multi-line text for a log: each line escaped and neutralised as by one_line (not cut)."""
    return "\n".join(_no_command(escape(line)) for line in text.split("\n"))


def describe_char(char: str) -> str:
    """A character named for a message, e.g. "U+202E (RIGHT-TO-LEFT OVERRIDE)" or "U+001B (a control character)"."""
    kinds = {"Cs": "a lone surrogate", "Cc": "a control character"}
    name = unicodedata.name(char, "") or kinds.get(unicodedata.category(char), "unnamed")
    return f"U+{ord(char):04X} ({name})"


def first_forbidden(text: str) -> tuple[int, str] | None:
    """Where the first character a request value may not hold sits, and which it is; None when there is none."""
    found = FORBIDDEN_IN_TEXT.search(text)
    return (found.start(), found.group()) if found else None


def describe_value(value: Any, show_text: bool = False) -> str:
    """A parsed YAML value's kind in words, for "must be X, not Y" messages (the text itself when asked)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int) and value.bit_length() > 64:  # repr() refuses ints of more than 4,300 digits
        return f"a number ({value.bit_length()} bits long)"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()}; put it in quotes to make it text)"
    if isinstance(value, str):
        return f"the text '{one_line(value, 40)}'" if show_text else "text"
    if isinstance(value, list | tuple):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__
