"""Untrusted text in markdown and workflow commands: no content can leave its cell, span, block or line."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.github.action import entry
from bot.github.escape import code_span, fenced, refenced, table_cell, workflow_command, workflow_data
from bot.inputs.safe_text import escape

# text rich in what breaks markdown and logs: backticks, pipes, newlines, escapes, bidi overrides
HOSTILE = st.text(alphabet=st.sampled_from(list("`|\n\r\x1b\x00\x85\u202e\u2066%:,<>a ~#*")), max_size=60) | st.text()


def closes(line: str, fence: str) -> bool:
    """CommonMark: a closing fence is up to 3 spaces, then at least as many backticks, then only spaces."""
    return re.fullmatch(rf" {{0,3}}`{{{len(fence)},}}[ \t]*", line) is not None


@pytest.mark.fuzz
@given(HOSTILE)
def test_no_content_closes_its_code_block(text: str) -> None:
    block = fenced(text, "gherkin").split("\n")
    fence = block[0].removesuffix("gherkin")
    assert block[-1] == fence
    assert not any(closes(line, fence) for line in block[1:-1])


@pytest.mark.fuzz
@given(HOSTILE)
def test_cells_spans_and_lines_stay_on_one_line_without_controls(text: str) -> None:
    for rendered in (escape(text), table_cell(text), code_span(text)):
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", rendered)
    assert not re.search(r"(?<!\\)\|", table_cell(text)) and not re.search(r"(?<!\\)\|", code_span(text))
    assert code_span(text).count("`") == 2


@pytest.mark.fuzz
@given(HOSTILE, HOSTILE.filter(bool))
def test_a_workflow_command_stays_one_command_with_escaped_properties(message: str, path: str) -> None:
    command = workflow_command("error", message, file=path, line=3)
    assert "\n" not in command and "\r" not in command
    head, _, data = command.partition("::")[2].partition("::")
    assert head.startswith("error file=") and head.endswith(",line=3,title=controlbot")
    assert "::" not in head and head.count(",") == 2
    assert data.replace("%25", "").count("%") == data.count("%0A") + data.count("%0D")


def test_a_step_cut_for_size_still_closes_its_block() -> None:
    block = refenced("```gherkin\n" + "a" * 25 + "\n  ```\n## after\n" + "b" * 30 + "\n```", 40)
    assert block.startswith("````gherkin\n") and block.endswith("\n````") and "cut" in block
    assert "## after" in block and "b" * 30 not in block


def test_an_unexpected_fault_is_one_escaped_line_with_secrets_masked(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def crash(env: object) -> int:
        raise RuntimeError("boom ghs_secret_token\n::error::injected")

    monkeypatch.setattr("bot.github.action.main", crash)

    assert entry({"GITHUB_TOKEN": "ghs_secret_token"}) == 2
    out = capsys.readouterr().out
    assert (
        out
        == "::error title=controlbot::internal error: RuntimeError: boom ***%0A::error::injected (please report it)\n"
    )


def test_python_m_bot_outside_actions_says_what_is_missing_on_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot"], env={"PATH": os.environ.get("PATH", "")}, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr == ""
    assert done.stdout.count("\n") == 1 and done.stdout.startswith(
        "::error title=controlbot::missing GITHUB_EVENT_NAME"
    )


def test_workflow_data_escapes_percent_so_the_runner_cannot_decode_a_line_break() -> None:
    assert workflow_data("50%0A::error::x\n") == "50%250A::error::x%0A"
