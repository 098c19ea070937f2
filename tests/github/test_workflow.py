"""The workflow and the action pass zizmor (also pedantic); comments cannot start or cancel privileged work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.paths import REPO

ZIZMOR = Path(sys.executable).with_name("zizmor")
WORKFLOW = yaml.safe_load((REPO / ".github/workflows/controlbot.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona: str) -> None:
    done = subprocess.run(
        [str(ZIZMOR), "--offline", f"--persona={persona}", ".github", "action.yml"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_concurrency_is_per_job_and_commands_never_share_the_generation_group() -> None:
    assert "concurrency" not in WORKFLOW  # a workflow-level group would let any comment replace a pending run
    job = WORKFLOW["jobs"]["controlbot"]
    group = job["concurrency"]["group"]
    assert job["concurrency"]["cancel-in-progress"] is False
    assert "'generate'" in group and "github.event.comment.id" in group


def test_only_owners_members_and_collaborators_comments_start_the_job() -> None:
    condition = WORKFLOW["jobs"]["controlbot"]["if"]
    for event in ("issue_comment", "pull_request_review_comment"):
        clause = next(part for part in condition.split("||") if f"'{event}'" in part)
        assert """fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]')""" in clause
        assert "github.event.comment.author_association" in clause


COMPLIANCE = yaml.safe_load((REPO / ".github/workflows/compliance.yml").read_text(encoding="utf-8"))


def test_the_compliance_run_shards_over_a_matrix_and_merges_into_sarif_html_and_the_summary() -> None:
    assert COMPLIANCE["permissions"] == {}
    check, report = COMPLIANCE["jobs"]["check"], COMPLIANCE["jobs"]["report"]
    assert check["permissions"] == {"contents": "read", "id-token": "write"}
    assert report["permissions"] == {"contents": "read", "security-events": "write"}
    shards = check["strategy"]["matrix"]["shard"]
    run = next(step["run"] for step in check["steps"] if "controlbot check" in step.get("run", ""))
    assert shards == list(range(1, len(shards) + 1)) and f'--shard "$SHARD/{len(shards)}"' in run
    merge = next(step["run"] for step in report["steps"] if "report merge" in step.get("run", ""))
    assert "sarif:controlbot.sarif" in merge and "html:controlbot.html" in merge and "GITHUB_STEP_SUMMARY" in merge
    uses = [s["uses"] for job in (check, report) for s in job["steps"] if "uses" in s]
    assert all(len(u.split("@")[1]) == 40 for u in uses) and any("upload-sarif" in u for u in uses)
    assert True in COMPLIANCE and {"schedule", "workflow_dispatch", "workflow_call"} <= set(COMPLIANCE[True])
