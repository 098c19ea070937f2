"""Untrusted text made safe for one log line: no control or bidi characters, no line breaks, no workflow commands."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.inputs.safe_text import one_line, safe_lines

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\nb\r\tc", "a\\nb\\r\\tc"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("\x9b2J \x7f", "\\x9b2J \\x7f"),
        ("txt.\u202egnp", "txt.\\u202egnp"),
        ("a\u2066b\u2069\u2028", "a\\u2066b\\u2069\\u2028"),
        ("::error::forged", "\\x3a:error::forged"),
        ("   ::add-mask::x", "   \\x3a:add-mask::x"),
        ("ok ##[error]forged", "ok #\\x23[error]forged"),
        ("plain text: fine :: here", "plain text: fine :: here"),
        ("caf\u00e9 \u6f22\u5b57", "caf\u00e9 \u6f22\u5b57"),
    ],
    ids=["breaks", "ansi", "c1-del", "rlo", "isolates", "command", "indented-command", "old-command", "colons", "utf8"],
)
def test_one_line_escapes_what_a_terminal_or_the_runner_would_act_on(text: str, shown: str) -> None:
    assert one_line(text) == shown


def test_one_line_cuts_long_text_and_marks_the_cut() -> None:
    assert one_line("x" * 50, 10) == "x" * 9 + "…"
    assert one_line("short", 10) == "short"


def test_safe_lines_keeps_the_lines_and_neutralises_each() -> None:
    assert safe_lines("Feature: x\n  ::error::y\n\x1b[2J") == "Feature: x\n  \\x3a:error::y\n\\x1b[2J"


@pytest.mark.fuzz
@given(st.text(), st.integers(1, 300))
def test_any_text_becomes_one_safe_bounded_line(text: str, limit: int) -> None:
    line = one_line(text, limit)
    assert len(line) <= limit
    assert not UNSAFE.search(line) and not line.lstrip().startswith("::") and "##[" not in line
    line.encode("utf-8")
