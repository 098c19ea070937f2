"""What reviewers read: the summary table and its state, per-file reasoning, annotations, comment placement."""

from __future__ import annotations

import base64
import json

from bot.generation.pipeline import Generation
from bot.generation.trace import StepRecord, Trace
from bot.github.review import (
    COMMENT_LIMIT,
    SUMMARY_MARKER,
    Outcome,
    Row,
    RunInfo,
    error_annotations,
    file_body,
    first_commentable_line,
    generated,
    job_summary,
    merge_rows,
    read_state,
    row_of,
    summary_body,
)
from bot.inputs.intake import parse_request

FEATURE = "# controlbot: request-sha256=ab provider=openai model=gpt-x prompt=1\nFeature: x\n"
COMMITTED = Outcome(
    "controls/s3/s3-a.yaml",
    "committed",
    "b" * 40,
    "s3-a",
    12,
    12,
    "openai",
    "gpt-x",
    steps=(
        ("1. analyse: buckets", "**Resource:** bucket"),
        ("2. write: examples: none", "```gherkin\nFeature: x\n```"),
    ),
    feature_path="controls/s3/s3-a.feature",
    feature_text=FEATURE,
    confidence=0.86,
    level="high",
    reasons=("covers all 4 requirement terms",),
)
REJECTED = Outcome(
    "controls/s3/bad.yaml", "rejected", "c" * 40, errors=("controls/s3/bad.yaml:2: key 'servce': unknown key",)
)


def test_the_summary_has_the_marker_a_row_per_control_and_restorable_state() -> None:
    rows = [row_of(COMMITTED), row_of(REJECTED)]
    body = summary_body(rows, RunInfo(commit_sha="d" * 40, notices=("Provider `offline`: no model.",)))
    assert body.startswith(SUMMARY_MARKER)
    assert "| control | status | checks passed | confidence | provider |" in body
    assert "| `s3-a` | ✅ committed | 12/12 | 0.86 (high) · `covers all 4 requirement terms` | openai (gpt-x) |" in body
    assert "| `controls/s3/bad.yaml` | ⛔ rejected | — | — | — |" in body
    assert "confidence levels: low < 0.5 ≤ medium < 0.75 ≤ high" in body
    assert f"committed in {'d' * 40}" in body
    assert "> Provider `offline`: no model." in body
    assert read_state(body) == {r.path: r for r in rows}


def test_unreadable_state_is_no_state() -> None:
    assert read_state("no marker here") == {}
    assert read_state("<!-- controlbot:state bm90IGpzb24= -->") == {}
    assert read_state("<!-- controlbot:state W3siYSI6IDF9XQ== -->") == {}


def test_merged_rows_replace_earlier_ones_and_drop_requests_gone_from_the_pr() -> None:
    earlier = {
        "controls/s3/s3-a.yaml": Row("controls/s3/s3-a.yaml", "failed"),
        "controls/s3/s3-b.yaml": Row("controls/s3/s3-b.yaml", "committed", checks="3/3"),
        "controls/s3/gone.yaml": Row("controls/s3/gone.yaml", "committed"),
    }
    rows = merge_rows(earlier, [COMMITTED], keep=["controls/s3/s3-a.yaml", "controls/s3/s3-b.yaml"])
    assert [(r.path, r.status) for r in rows] == [
        ("controls/s3/s3-a.yaml", "committed"),
        ("controls/s3/s3-b.yaml", "committed"),
    ]


def test_a_file_comment_collapses_each_step_and_names_the_written_feature() -> None:
    body = file_body(COMMITTED)
    assert "✅ committed · confidence 0.86 (high) · 12/12 checks passed · openai" in body
    assert "**Checked.** Confidence levels: low < 0.5 ≤ medium < 0.75 ≤ high.\n\n- `covers all 4" in body
    assert "Wrote `controls/s3/s3-a.feature`." in body
    assert body.count("<details><summary>") == 2
    # step markdown holds model text: it is shown as text in a block it cannot leave, never rendered
    assert "<details><summary>1. analyse: buckets</summary>\n\n```text\n**Resource:** bucket\n```\n\n</details>" in body
    assert "<summary>2. write: examples: none</summary>\n\n```gherkin\nFeature: x\n```\n\n</details>" in body
    assert "Not pushed" not in body


def test_an_unpushed_feature_is_shown_in_full_with_a_fence_it_cannot_break() -> None:
    text = FEATURE + '  """\n  ```\n'
    body = file_body(
        Outcome("controls/s3/s3-a.yaml", "generated", feature_path="controls/s3/s3-a.feature", feature_text=text)
    )
    assert "Not pushed to the branch; add this as `controls/s3/s3-a.feature`" in body
    assert "````gherkin\n" + text.rstrip() + "\n````" in body


def test_errors_are_shown_as_text_and_headings_escaped() -> None:
    body = file_body(REJECTED)
    assert "```text\ncontrols/s3/bad.yaml:2: key 'servce': unknown key\n```" in body
    outcome = Outcome("controls/s3/a.yaml", "failed", steps=(("1. <script>", "x"),))
    assert "<summary>1. &lt;script&gt;</summary>" in file_body(outcome)


def test_huge_reasoning_is_cut_to_fit_a_comment() -> None:
    steps = tuple((f"{n}. write", "x" * 20_000) for n in range(8))
    body = file_body(Outcome("controls/s3/a.yaml", "failed", steps=steps))
    assert len(body) <= COMMENT_LIMIT + 200
    assert "cut" in body


def test_annotations_point_at_bad_files_with_escaped_text() -> None:
    bad = Outcome("controls/s3/a,b.yaml", "failed", errors=("line one\nline 100%", "second"))
    lines = error_annotations([COMMITTED, bad, REJECTED])
    assert lines == [
        "::error file=controls/s3/a%2Cb.yaml,title=controlbot::line one%0Aline 100%25; second",
        "::error file=controls/s3/bad.yaml,title=controlbot::controls/s3/bad.yaml:2: key 'servce': unknown key",
    ]


def test_job_summary_holds_the_table_and_every_section_without_state() -> None:
    summary = job_summary([row_of(COMMITTED)], [COMMITTED], RunInfo(head_sha="e" * 40))
    assert "| `s3-a` | ✅ committed |" in summary
    assert "<details><summary>1. analyse: buckets</summary>" in summary
    assert "controlbot:state" not in summary and SUMMARY_MARKER not in summary


def test_review_comments_go_on_the_first_line_the_diff_shows() -> None:
    assert first_commentable_line("@@ -0,0 +1,3 @@\n+a\n+b\n+c") == 1
    assert first_commentable_line("@@ -5,3 +5,4 @@ key: value\n-old\n+new\n same") == 5
    assert first_commentable_line("@@ -1,2 +0,0 @@\n-a\n-b") is None
    assert first_commentable_line(None) is None


def test_a_generation_becomes_an_outcome_with_every_step() -> None:
    request = parse_request(
        b"service: s3\nresource: bucket\nrequirement: Buckets are versioned.\n", "controls/s3/s3-v.yaml"
    )
    trace = Trace("s3-v", "offline", "-", "1")
    trace.add(StepRecord("analyse", "versioning", "**Resource:** bucket", {}, 0.1))
    trace.add(StepRecord("verify", "passed", "every step checked", [], 0.0))
    ok = Generation(request, True, FEATURE, [], 5, 5, "offline", "-", trace)
    outcome = generated(request.path, "f" * 40, ok)
    assert (outcome.status, outcome.control, outcome.checks_passed, outcome.feature_path) == (
        "generated",
        "s3-v",
        5,
        "controls/s3/s3-v.feature",
    )
    assert [heading for heading, _ in outcome.steps] == ["1. analyse: versioning", "2. verify: passed"]
    assert row_of(outcome).provider == "offline"
    bad = generated(
        request.path, "f" * 40, Generation(request, False, None, ["unknown field X"], 0, 0, "offline", "-", trace)
    )
    assert (bad.status, bad.errors, bad.feature_text) == ("failed", ("unknown field X",), None)


def old_state_body(rows: list[dict[str, str]]) -> str:
    """The summary's hidden state as the version before confidence wrote it (six keys a row)."""
    return f"<!-- controlbot:state {base64.b64encode(json.dumps(rows).encode()).decode()} -->"


def test_a_summary_of_the_previous_version_is_read_and_its_offline_rows_become_drafts() -> None:
    keys = ("path", "status", "blob", "control", "checks", "provider")
    old = [
        dict(zip(keys, ("controls/s3/a.yaml", "committed", "a" * 40, "s3-a", "5/5", "openai (gpt-x)"), strict=True)),
        dict(zip(keys, ("controls/s3/b.yaml", "committed", "b" * 40, "s3-b", "5/5", "offline"), strict=True)),
        dict(zip(keys, ("controls/s3/c.yaml", "rejected", "c" * 40, "", "—", "—"), strict=True)),
    ]
    rows = read_state("| control | status | checks passed | provider |\n" + old_state_body(old))
    assert [(r.status, r.blob, r.draft, r.confidence) for r in rows.values()] == [
        ("committed", "a" * 40, False, "—"),
        ("committed", "b" * 40, True, "—"),
        ("rejected", "c" * 40, False, "—"),
    ]
    body = summary_body(list(rows.values()), RunInfo())
    assert "| `s3-a` | 🔎 committed | 5/5 | — | openai (gpt-x) |" in body  # not rated: no ✅
    assert "| `s3-b` | 📝 draft, committed | 5/5 | — | offline |" in body
    assert "| `controls/s3/c.yaml` | ⛔ rejected | — | — | — |" in body


def test_state_rows_with_keys_a_later_version_adds_are_still_read() -> None:
    later = [{"path": "controls/s3/a.yaml", "status": "committed", "draft": True, "reasons": ["r"], "new": 1}]
    assert read_state(old_state_body(later)) == {
        "controls/s3/a.yaml": Row("controls/s3/a.yaml", "committed", draft=True, reasons=("r",))
    }


def test_a_draft_comment_says_review_before_merge_with_its_reasons_as_text() -> None:
    reasons = ("planned without a model: review before merge", "[click](https://evil.example) @octocat", "c", "d")
    draft = Outcome(
        "controls/s3/s3-a.yaml", "generated", checks_passed=4, checks_total=4, provider="offline",
        feature_path="controls/s3/s3-a.feature", feature_text=FEATURE, confidence=0.42, level="low", draft=True,
        reasons=reasons,
    )  # fmt: skip
    body = file_body(draft)
    assert body.startswith("**controlbot** · `controls/s3/s3-a.yaml` · 📝 draft, generated · confidence 0.42 (low)")
    assert "**Draft: review before merge.** Confidence levels: low < 0.5 ≤ medium < 0.75 ≤ high." in body
    assert "- `[click](https://evil.example) @octocat`\n- `c`" in body and "`d`" not in body  # top three, as code
    assert "✅" not in body
    assert "0.42 (low) · `planned without a model: review before merge` · `[click]" in summary_body(
        [row_of(draft)], RunInfo()
    )


def test_an_offline_generation_is_a_draft_even_without_a_rating() -> None:
    request = parse_request(
        b"service: s3\nresource: bucket\nrequirement: Buckets are versioned.\n", "controls/s3/v.yaml"
    )
    ok = Generation(request, True, FEATURE, [], 5, 5, "offline", "-", Trace("v", "offline", "-", "1"))
    assert generated(request.path, "f" * 40, ok).draft


def test_fifty_drafts_with_long_reasons_still_fit_one_summary_with_its_state() -> None:
    reasons = ("r" * 400, "s" * 400, "t" * 400)
    drafts = [
        Outcome(f"controls/s3/s3-{n:02}.yaml", "committed", "a" * 40, f"s3-{n:02}-{'x' * 60}", 9, 9, "openai",
                "gpt-x", confidence=0.31, level="low", draft=True, reasons=reasons)
        for n in range(50)
    ]  # fmt: skip
    rows = [row_of(o) for o in drafts]
    body = summary_body(rows, RunInfo(commit_sha="d" * 40))
    assert len(body) < COMMENT_LIMIT
    assert read_state(body) == {r.path: r for r in rows}
    assert f"· `{'r' * 79}…` · `{'s' * 79}…` |" in body
