"""Property: whatever text a finding carries (names from AWS, values), every report stays printable and parseable."""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.runner.findings import STATUSES, Finding
from bot.runner.reports import render_report

pytestmark = pytest.mark.fuzz

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from("\x00\x1b\x07\r\n\u202e\u2066\u0085\ufffe\udc80"))
FINDINGS = st.lists(st.builds(Finding, TEXT, TEXT, TEXT, TEXT, st.sampled_from(STATUSES), st.tuples(TEXT)), max_size=5)


def unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or unicodedata.bidirectional(char) in (
        "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"
    ) or char in "\u2028\u2029\ufffe\uffff"  # fmt: skip


@given(FINDINGS)
def test_every_report_is_free_of_control_characters_and_junit_parses(findings: list[Finding]) -> None:
    text = render_report(findings, "text", {})
    assert not any(unsafe(c) for c in text.replace("\n", ""))
    document = json.loads(render_report(findings, "json", {}))
    assert len(document["findings"]) == len(findings)
    root = ET.fromstring(render_report(findings, "junit", {}))
    assert root.get("tests") == str(len(findings))
