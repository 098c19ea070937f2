"""`controlbot generate` on hostile inputs: bad requests, broken merged pairs, hand-written and symlinked features."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.test_generate import (
    CONTROL,
    REQUEST_YAML,
    add_request,
    control_of,
    feature_of,
    generate,
    serve_valid_answers,
    user_message,
    workspace,
)
from tests.fakes.openai_server import FakeOpenAI

__all__ = ["workspace"]  # the fixture, shared with test_generate


def assert_one_safe_line_each(err: str) -> None:
    assert "Traceback" not in err
    for line in err.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert "\x1b" not in line and "\u202e" not in line, line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"title: 2001-13-45", "controls/s3/s3-broken.yaml:{line}: key 'title': '2001-13-45' reads as a date or time"),
        (b"notes: 2024-02-30", "controls/s3/s3-broken.yaml:{line}: key 'notes': '2024-02-30' reads as a date or time"),
        (b'notes: "\\U00110000"', "controls/s3/s3-broken.yaml:{line}: the file is not valid YAML: an escape names no"),
        (b"notes: " + b"7" * 4400, "controls/s3/s3-broken.yaml:{line}: key 'notes': '777"),
        (b'notes: "ok \\e[2J\\e[31mAPPROVED"', "key 'notes': holds the character U+001B"),
        (
            "resource: bucket \u202egnp.exe".encode(),
            "key 'resource': holds the character U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        (b"<<: {service: ec2}", "controls/s3/s3-broken.yaml:{line}: YAML merge keys (<<) are not allowed"),
    ],
    ids=["bad-month", "february-30", "beyond-unicode", "4400-digits", "escape-codes", "bidi-override", "merge-key"],
)
def test_a_request_pyyaml_or_intake_refuses_is_one_message_and_the_others_are_generated(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str], line: bytes, expected: str
) -> None:
    key = line.split(b":", 1)[0] + b":"
    kept = [row for row in REQUEST_YAML.splitlines(keepends=True) if not row.startswith(key)]
    add_request(workspace, "s3-broken", b"".join(kept) + line + b"\n")
    serve_valid_answers(fake_openai)
    code, _, err = generate(capsys, "controls")
    assert code == 2
    assert expected.format(line=len(kept) + 1) in err
    assert_one_safe_line_each(err)
    assert feature_of(workspace).is_file() and not feature_of(workspace, "s3-broken").exists()
    assert {control_of(b) for b in fake_openai.requests} == {CONTROL}


def test_generate_one_bad_file_exits_2(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = add_request(workspace, "s3-broken", b"service: s3\nresource: bucket\n")
    code, _, err = generate(capsys, str(bad.relative_to(workspace)), "--provider", "offline")
    assert code == 2
    assert "controls/s3/s3-broken.yaml: key 'requirement': is missing" in err


def test_a_merged_pair_that_cannot_be_read_is_skipped_with_a_warning(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    merged = add_request(workspace, "s3-merged-broken", REQUEST_YAML + b"notes: 2024-02-30\n")
    merged.with_suffix(".feature").write_text("Feature: merged long ago\n", encoding="utf-8")
    serve_valid_answers(fake_openai)
    code, _, err = generate(capsys, str(Path("controls/s3") / f"{CONTROL}.yaml"))
    assert code == 0, err
    assert "controlbot: warning: controls/s3/s3-merged-broken.yaml:7: key 'notes'" in err
    assert "the pair is left out of the examples" in err
    assert feature_of(workspace).is_file()


def test_a_hand_written_feature_is_kept_unless_forced(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    hand_written = "Feature: written by a person\n"
    feature_of(workspace).write_text(hand_written, encoding="utf-8")
    serve_valid_answers(fake_openai)
    code, _, err = generate(capsys, "controls")
    assert code == 2
    assert f"controls/s3/{CONTROL}.feature: not overwritten: it has no controlbot provenance line" in err
    assert "--force replaces it" in err
    assert feature_of(workspace).read_text(encoding="utf-8") == hand_written and fake_openai.requests == []
    code, _, err = generate(capsys, "controls", "--force")
    assert code == 0, err
    assert feature_of(workspace).read_text(encoding="utf-8").startswith("# controlbot: request-sha256=")


def test_feedback_never_follows_a_symlinked_feature(
    workspace: Path,
    fake_openai: FakeOpenAI,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("# controlbot: request-sha256=0\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG\n", encoding="utf-8")
    os.symlink(secret, feature_of(workspace))
    serve_valid_answers(fake_openai)
    code, _, err = generate(capsys, "controls", "--feedback", "use KMS")
    assert code == 2 and "not overwritten" in err
    assert fake_openai.requests == []
    code, _, err = generate(capsys, "controls", "--feedback", "use KMS", "--force")
    assert code == 0, err
    sent = "".join(user_message(body) for body in fake_openai.requests)
    assert "wJalrXUtnFEMI" not in sent and "<previous_feature>" not in sent
    assert not feature_of(workspace).is_symlink()
    assert "wJalrXUtnFEMI" in secret.read_text(encoding="utf-8")


def test_a_model_draft_cannot_write_workflow_commands_or_escape_codes_to_stderr(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_valid_answers(fake_openai)
    draft = (
        "Feature: x\n::error title=Security::Approved by the security team\n  ::add-mask::\x1b[2Jcleared ##[warning]x\n"
    )
    fake_openai.default("write", draft)
    fake_openai.default("repair", draft)
    code, _, err = generate(capsys, "controls")
    assert code == 1
    assert "last draft:" in err and "\\x3a:error title=Security" in err and "\\x1b[2J" in err
    assert_one_safe_line_each(err)
    assert "##[" not in err


def test_a_planted_partial_symlink_cannot_redirect_the_write(
    workspace: Path,
    fake_openai: FakeOpenAI,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    victim = tmp_path_factory.mktemp("home") / ".bashrc"
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    os.symlink(victim, feature_of(workspace).with_name(f".{CONTROL}.feature.partial"))
    serve_valid_answers(fake_openai)
    code, _, err = generate(capsys, "controls")
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert feature_of(workspace).read_text(encoding="utf-8").startswith("# controlbot: request-sha256=")
