"""The Action end to end on confidence: a draft is never ✅; the review, job summary and feature say how sure and why."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from tests.fakes.github_server import BOT
from tests.fakes.openai_server import FakeOpenAI
from tests.github.action_repo import BROKEN, MARKER, PLAN, VERSIONING, Repo, openai_env, write_answer

REQUEST, FEATURE = "controls/s3/s3-versioning.yaml", "controls/s3/s3-versioning.feature"
LEGEND = "confidence levels: low < 0.5 ≤ medium < 0.75 ≤ high"


def plan_answer(confidence: float, *reasons: str) -> str:
    return json.dumps({**PLAN, "confidence": confidence, "reasons": list(reasons)})


def posted(repo: Repo, number: int) -> tuple[str, dict[str, str]]:
    """The latest review's body and its comments by file."""
    review = repo.reviews(number)[-1]
    return review["body"], repo.file_comments(number, review)


def committed_feature(repo: Repo, number: int) -> list[str]:
    feature = repo.gh.git.read(repo.gh.head_sha(number), FEATURE)
    assert feature is not None
    return feature.decode().splitlines()


def test_an_offline_control_is_a_draft_in_the_feature_the_review_the_summary_and_the_log(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING})

    result = repo.on_pr(number)

    assert result.code == 0  # a draft is not a failure: it asks for a review
    body, comments = posted(repo, number)
    row = re.search(
        r"^\| `s3-versioning` \| 📝 draft, committed \| \d+/\d+ \| 0\.\d\d \((low|medium)\) · .*$", body, re.M
    )
    assert row and "`planned without a model: review before merge`" in row.group(0)
    assert LEGEND in body
    assert "It cannot know when it is right: every control is a draft." in body  # the run's offline notice
    comment = comments[REQUEST]
    assert re.search(r"📝 draft, committed · confidence 0\.\d\d \((low|medium)\) · \d+/\d+ checks passed", comment)
    assert (
        "**Draft: review before merge.**" in comment and "- `planned without a model: review before merge`" in comment
    )
    assert "✅ committed" not in json.dumps([body, comments], ensure_ascii=False) + result.summary
    assert "📝 draft, committed" in result.summary and "**Draft: review before merge.**" in result.summary
    warning = f"::warning file={REQUEST},title=controlbot::{FEATURE}: draft, confidence 0."
    assert warning in result.stdout
    assert committed_feature(repo, number)[1].startswith("# controlbot: draft — confidence 0.")
    message = repo.gh.git.commit_info(repo.gh.head_sha(number))["message"]
    assert f"- {FEATURE} (" in message and ", offline, draft, confidence 0." in message


def test_a_reviewer_who_deletes_the_draft_line_accepts_it_without_a_regeneration(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING})
    repo.on_pr(number)
    provenance, _, *rest = committed_feature(repo, number)
    accepted = repo.gh.commit("add-s3", {FEATURE: "\n".join([provenance, *rest]) + "\n"}, "reviewed: not a draft")
    reviews = [dict(r) for r in repo.reviews(number)]

    result = repo.on_pr(number, "synchronize")

    assert result.code == 0
    assert repo.gh.head_sha(number) == accepted  # the provenance still matches: nothing regenerated
    assert "checked 1 changed feature file(s); 0 with errors" in result.stdout
    assert repo.reviews(number) == reviews


def test_a_sure_model_answer_with_no_repair_keeps_the_check_mark(repo: Repo, model: FakeOpenAI) -> None:
    model.default("plan", plan_answer(0.9, "GetBucketVersioning.Status is the versioning state"))
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING})

    result = repo.on_pr(number, **openai_env(model))

    assert result.code == 0
    body, comments = posted(repo, number)
    assert re.search(r"^\| `s3-versioning` \| ✅ committed \| \d+/\d+ \| 0\.85 \(high\) · ", body, re.M)
    assert "✅ committed · confidence 0.85 (high)" in comments[REQUEST]
    assert "**Checked.**" in comments[REQUEST] and "**Draft" not in comments[REQUEST]
    assert "::warning" not in result.stdout
    assert committed_feature(repo, number)[1].startswith("# controlbot: confidence 0.85 (high): ")


def test_a_low_confidence_model_answer_is_a_draft_showing_the_models_reasons(repo: Repo, model: FakeOpenAI) -> None:
    model.default("plan", plan_answer(0.3, "MFADelete might be what is meant", "polarity inferred"))
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING})

    repo.on_pr(number, **openai_env(model))

    body, comments = posted(repo, number)
    row = "| `s3-versioning` | 📝 draft, committed | "
    assert row in body and "| 0.30 (low) · `the plan rates itself 0.30` · `MFADelete might be what is meant` |" in body
    comment = comments[REQUEST]
    assert "📝 draft, committed · confidence 0.30 (low)" in comment
    reasons = "- `the plan rates itself 0.30`\n- `MFADelete might be what is meant`\n- `polarity inferred`"
    assert reasons in comment


def test_a_feature_repaired_into_shape_is_a_draft(repo: Repo, model: FakeOpenAI) -> None:
    valid = write_answer({"messages": [{"content": "@control:s3-versioning @service:s3"}, {"content": ""}]})
    model.default("plan", plan_answer(0.95))
    model.script("write", valid.replace("GetBucketVersioning.Status", "GetBucketVersioning.State"))
    model.default("repair", valid)
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING})

    repo.on_pr(number, **openai_env(model))

    body, comments = posted(repo, number)
    assert "| `s3-versioning` | 📝 draft, committed | " in body
    assert "- `the feature needed 1 repair round(s) to pass the checker`" in comments[REQUEST]


def old_summary(rows: list[dict[str, Any]]) -> str:
    """A summary exactly as the version before confidence wrote it: no confidence column, no confidence in its state."""
    state = base64.b64encode(json.dumps(rows).encode()).decode()
    return (
        f"{MARKER}\n## controlbot\n\n| control | status | checks passed | provider |\n|---|---|---|---|\n"
        "| `controls/s3/s3-broken.yaml` | ⛔ rejected | — | — |\n\nNothing committed.\n"
        f"<!-- controlbot:state {state} -->"
    )


def test_a_summary_left_by_the_previous_version_is_read_and_rewritten_with_confidence(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {REQUEST: VERSIONING, "controls/s3/s3-broken.yaml": BROKEN})
    broken_blob = repo.gh.git.hash_blob(BROKEN.encode())
    old = {"path": "controls/s3/s3-broken.yaml", "status": "rejected", "blob": broken_blob, "control": "",
           "checks": "—", "provider": "—"}  # fmt: skip
    review = {"id": 990001, "user": dict(BOT), "body": old_summary([old]), "state": "COMMENTED"}
    repo.gh.reviews[number] = [review]

    result = repo.on_pr(number)

    # the old row still counts: the unchanged broken request is not reported again, only flagged
    assert "controls/s3/s3-broken.yaml is still rejected, unchanged since controlbot's review said why" in result.stdout
    summary = repo.reviews(number)[0]["body"]
    assert "| control | status | checks passed | confidence | provider |" in summary
    assert "| `controls/s3/s3-broken.yaml` | ⛔ rejected | — | — | — |" in summary
    assert "| `s3-versioning` | 📝 draft, committed | " in summary
    assert "s3-versioning` 📝 draft, committed · confidence 0." in repo.reviews(number)[-1]["body"]  # the new review
