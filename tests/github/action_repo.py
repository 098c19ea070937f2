"""The Action end to end: a fake GitHub repository to run `python -m bot` on, and a model that follows the contract."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.github_server import FakeGitHub
from tests.fakes.openai_server import FakeOpenAI
from tests.paths import REPO

PROJECT = REPO
SEED = "controls/iam/iam-root-user-mfa-enabled"
VERSIONING = (
    "title: S3 buckets keep every version of their objects\nservice: s3\nresource: S3 bucket\n"
    "requirement: Object versioning must be enabled on every bucket.\ncategory: versioning\nseverity: medium\n"
)
BROKEN = "service: s3\nresource: S3 bucket\nrequirment: versioning on\n"
MARKER = "<!-- controlbot:summary -->"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    summary: str


class Repo:
    """The fake GitHub repository, seeded with one merged control, and a way to run the Action on it."""

    def __init__(self, gh: FakeGitHub, tmp: Path) -> None:
        self.gh, self.tmp, self.runs = gh, tmp, 0
        seed = {f"{SEED}{ext}": (PROJECT / f"{SEED}{ext}").read_bytes() for ext in (".yaml", ".feature")}
        gh.commit("main", {"README.md": "controls\n", **seed}, "seed corpus")
        gh.permissions.update(maintainer="maintain", reader="read")

    def open_pr(self, branch: str, files: dict[str, Any], *, fork_owner: str | None = None) -> int:
        self.gh.commit(branch, files, "add control requests")
        return self.gh.open_pr(branch, fork_owner=fork_owner)

    def workspace(self) -> Path:
        """A fresh export of the default branch, as actions/checkout would leave it."""
        target = self.tmp / f"workspace-{self.runs}"
        data = self.gh.git.git("archive", "--format=tar", "refs/heads/main")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(target, filter="data")
        return target

    def run(self, event_name: str, event: dict[str, Any], **env: str) -> Result:
        self.runs += 1
        event_path = self.tmp / f"event-{self.runs}.json"
        event_path.write_text(json.dumps(event), encoding="utf-8")
        summary = self.tmp / f"summary-{self.runs}.md"
        workspace = self.workspace()
        environment = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.tmp),
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_REPOSITORY": self.gh.full_name,
            "GITHUB_TOKEN": self.gh.token,
            "GITHUB_API_URL": self.gh.base_url,
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_STEP_SUMMARY": str(summary),
            "CONTROLBOT_PROVIDER": "offline",
            **env,
        }
        done = subprocess.run(
            [sys.executable, "-m", "bot"], cwd=workspace, env=environment, capture_output=True, text=True, timeout=180
        )
        text = summary.read_text(encoding="utf-8") if summary.exists() else ""
        result = Result(done.returncode, done.stdout, done.stderr, text)
        posted = json.dumps([self.gh.reviews, self.gh.issue_comments, self.gh.review_comments])
        for secret in (self.gh.token, environment.get("OPENAI_API_KEY") or self.gh.token):
            assert secret not in done.stdout + done.stderr + text + posted
        assert "Traceback" not in done.stderr, done.stderr
        assert self.gh.crashes == []
        return result

    def on_pr(self, number: int, action: str = "opened", **env: str) -> Result:
        return self.run("pull_request", self.gh.pull_request_event(number, action), **env)

    def comment(self, number: int, user: str, body: str, *, path: str | None = None, **env: str) -> tuple[int, Result]:
        comment_id = self.gh.add_comment(number, user, body, path=path)
        event_name = "pull_request_review_comment" if path else "issue_comment"
        return comment_id, self.run(event_name, self.gh.comment_event(number, comment_id), **env)

    def branch(self, number: int) -> list[str]:
        return self.gh.git.log(self.gh.head_sha(number))

    def reviews(self, number: int) -> list[dict[str, Any]]:
        return self.gh.reviews.get(number, [])

    def file_comments(self, number: int, review: dict[str, Any]) -> dict[str, str]:
        comments = self.gh.review_comments.get(number, [])
        return {c["path"]: c["body"] for c in comments if c.get("pull_request_review_id") == review["id"]}


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repo]:
    with FakeGitHub() as gh:
        yield Repo(gh, tmp_path)


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    """The OpenAI fake answering every step like a model that follows the contract (and the feedback)."""
    with FakeOpenAI() as server:
        server.default("analyse", '{"resource": "S3 bucket", "property": "versioning", "conditions": ["on"]}')
        server.default("plan", json.dumps(PLAN))
        server.default("write", write_answer)
        server.default("repair", write_answer)
        yield server


PLAN = {
    "setup": [
        'the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"',
        'each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"',
    ],
    "filters": [],
    "assertions": ['"GetBucketVersioning.Status" must be "Enabled"'],
}


def write_answer(body: dict[str, Any]) -> str:
    system, user = (m["content"] for m in body["messages"][:2])
    control = re.search(r"@control:([a-z0-9-]+) @service:", system)
    assert control, "the write prompt names the control id"
    extra = ""
    if "<feedback>" in user:
        extra = '\n\n  Scenario: MFA delete is on\n    Then "GetBucketVersioning.MFADelete" must be "Enabled"'
    return (
        f"```gherkin\n@control:{control.group(1)} @service:s3 @severity:medium @category:versioning\n"
        "Feature: S3 buckets keep every version of their objects\n"
        "  Versioning must be enabled on each bucket.\n\n"
        "  Background:\n"
        '    Given the resources listed by "s3.ListBuckets" at "Buckets" identified by "Name"\n'
        '    And each resource is enriched by "s3.GetBucketVersioning" with "Bucket" from "Name"\n\n'
        "  Scenario: versioning is enabled\n"
        f'    Then "GetBucketVersioning.Status" must be "Enabled"{extra}\n```'
    )


def openai_env(server: FakeOpenAI) -> dict[str, str]:
    return {"CONTROLBOT_PROVIDER": "openai", "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-fake-key-0000"}


def added_paths(repo: Repo, commit: str) -> set[str]:
    parent = repo.gh.git.commit_info(commit)["parents"][0]
    return set(repo.gh.git.files(commit)) - set(repo.gh.git.files(parent))
