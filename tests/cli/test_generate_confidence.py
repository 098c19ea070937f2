"""What `controlbot generate` says about confidence: the written line, its reasons, the trace, the file's draft line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.cli.test_generate import CONTROL, add_request, feature_of, generate, serve_valid_answers, workspace
from tests.fakes.openai_server import FakeOpenAI
from tests.generation.test_pipeline import ASSERTION, FEATURE, INVENTED, SETUP

__all__ = ["workspace"]  # the fixture, imported for these tests

SURE = json.dumps({"setup": SETUP, "filters": [], "assertions": [ASSERTION], "confidence": 0.9, "reasons": []})
UNSURE = json.dumps(
    {
        "setup": SETUP,
        "filters": [],
        "assertions": [ASSERTION],
        "confidence": 0.35,
        "reasons": ["two encryption fields fit; chose the default rule's algorithm"],
    }
)
OFFLINE_ENV = ("CONTROLBOT_PROVIDER", "CONTROLBOT_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY")


def test_a_sure_model_answer_is_written_with_its_high_confidence_and_no_draft_line(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_valid_answers(fake_openai)
    fake_openai.default("plan", SURE)
    code, out, err = generate(capsys, "controls")
    assert code == 0, err
    assert f"controls/s3/{CONTROL}.feature: written (6/6 checks passed, confidence 0.90 (high), " in out
    assert "draft" not in out + err and "why:" not in out
    assert (
        feature_of(workspace)
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("# controlbot: confidence 0.90 (high): ")
    )


def test_an_unsure_model_answer_is_a_draft_and_the_line_says_why(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_valid_answers(fake_openai)
    fake_openai.default("plan", UNSURE)
    code, out, err = generate(capsys, "controls", "--trace")
    assert code == 0, err
    written = f"controls/s3/{CONTROL}.feature: written (6/6 checks passed, draft: confidence 0.35 (low) — review"
    assert written in out
    assert "\n  why: the plan rates itself 0.35\n  why: two encryption fields fit; chose the default rule's" in out
    assert "#### confidence: 0.35 (low), draft, review before merge" in out  # the --trace section
    assert err.endswith("1 request(s): 1 ok, 0 failed; 1 draft(s) to review before merge\n")
    trace = json.loads(feature_of(workspace).with_suffix(".trace.json").read_text(encoding="utf-8"))
    assert trace["confidence"]["score"] == 0.35 and trace["confidence"]["draft"] is True
    assert "two encryption fields fit; chose the default rule's algorithm" in trace["confidence"]["reasons"]


def test_a_repaired_feature_is_a_draft(
    workspace: Path, fake_openai: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_valid_answers(fake_openai)
    fake_openai.default("plan", SURE)
    fake_openai.script("write", INVENTED)
    fake_openai.default("repair", FEATURE)
    code, out, _ = generate(capsys, "controls")
    assert code == 0
    assert "checks passed, draft: confidence 0.75 (high) — review before merge" in out
    assert "  why: the feature needed 1 repair round(s) to pass the checker" in out


def test_an_offline_draft_validates_stays_up_to_date_and_a_reviewer_accepts_it_by_deleting_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in OFFLINE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    add_request(tmp_path, CONTROL)
    code, out, err = generate(capsys, "controls")
    assert code == 0, err
    assert "checks passed, draft: confidence " in out and "  why: planned without a model: review before merge" in out
    feature = feature_of(tmp_path)
    provenance, header, *rest = feature.read_text(encoding="utf-8").splitlines()
    assert provenance.startswith("# controlbot: request-sha256=") and "provider=offline" in provenance
    assert header.startswith("# controlbot: draft — confidence ") and "(high)" not in header
    assert main(["validate", str(feature)]) == 0
    capsys.readouterr()
    code, out, _ = generate(capsys, "controls")
    assert code == 0 and f"controls/s3/{CONTROL}.feature: up to date (draft: confidence 0." in out
    feature.write_text("\n".join([provenance, *rest]) + "\n", encoding="utf-8")  # the reviewer accepts the draft
    capsys.readouterr()
    code, out, _ = generate(capsys, "controls")
    assert code == 0 and f"controls/s3/{CONTROL}.feature: up to date" in out
    assert "# controlbot: draft" not in feature.read_text(encoding="utf-8")
