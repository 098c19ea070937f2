"""`python -m bot` end to end: real-shaped events, the GitHub fake over HTTP, the OpenAI fake for a model."""

from __future__ import annotations

import hashlib
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

from tests.fakes.github_server import FakeGitHub, Symlink
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


def test_a_pr_gets_one_commit_with_the_valid_control_and_one_review_with_reasoning_and_errors(repo: Repo) -> None:
    number = repo.open_pr(
        "add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING, "controls/s3/s3-broken.yaml": BROKEN}
    )
    head = repo.gh.head_sha(number)

    result = repo.on_pr(number)

    assert result.code == 1  # a rejected request fails the check
    [commit, parent, *_] = repo.branch(number)
    assert parent == head
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning.feature"}
    feature = repo.gh.git.read(commit, "controls/s3/s3-versioning.feature")
    assert feature is not None
    digest = hashlib.sha256(VERSIONING.encode()).hexdigest()
    assert feature.decode().startswith(f"# controlbot: request-sha256={digest} provider=offline")
    [review] = repo.reviews(number)
    assert review["commit_id"] == commit and review["user"]["type"] == "Bot"
    assert review["body"].startswith(MARKER)
    assert "| `s3-versioning` | ✅ committed |" in review["body"]
    assert "| `controls/s3/s3-broken.yaml` | ⛔ rejected |" in review["body"]
    assert "Offline provider: no model was called" in review["body"]
    comments = repo.file_comments(number, review)
    reasoning = comments["controls/s3/s3-versioning.yaml"]
    for step in ("analyse", "retrieve", "plan", "write", "verify"):
        assert re.search(rf"<details><summary>\d+\. {step}", reasoning), step
    assert "key 'requirment'" in comments["controls/s3/s3-broken.yaml"]
    assert "::error file=controls/s3/s3-broken.yaml,title=controlbot::" in result.stdout
    assert "| `s3-versioning` | ✅ committed |" in result.summary and "<details>" in result.summary


def test_a_rerun_after_the_bots_commit_posts_and_commits_nothing(repo: Repo) -> None:
    number = repo.open_pr(
        "add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING, "controls/s3/s3-broken.yaml": BROKEN}
    )
    repo.on_pr(number)
    commits, reviews = repo.branch(number), [dict(r) for r in repo.reviews(number)]

    result = repo.on_pr(number, "synchronize")

    assert repo.branch(number) == commits
    assert repo.reviews(number) == reviews  # no new review, the summary not even edited
    assert "nothing to do" in result.stdout
    assert "::error file=controls/s3/s3-broken.yaml,title=controlbot::" in result.stdout and result.code == 1


def test_a_maintainers_regenerate_with_feedback_commits_and_feeds_the_write_prompt(
    repo: Repo, model: FakeOpenAI
) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    assert repo.on_pr(number, **openai_env(model)).code == 0
    [first, *_] = repo.branch(number)
    previous = repo.gh.git.read(first, "controls/s3/s3-versioning.feature")
    assert previous is not None

    comment_id, result = repo.comment(
        number, "maintainer", "/controlbot regenerate -- Also require MFA delete.", **openai_env(model)
    )

    assert result.code == 0, result.stdout
    [second, parent, *_] = repo.branch(number)
    assert parent == first
    feature = repo.gh.git.read(second, "controls/s3/s3-versioning.feature")
    assert feature is not None and b"MFADelete" in feature and b"MFADelete" not in previous
    write = model.requests_for("write")[-1]["messages"][1]["content"]
    assert "<feedback>\nAlso require MFA delete.\n</feedback>" in write
    assert previous.decode().strip().splitlines()[-1].strip() in write and "<previous_feature>" in write
    assert [r for (kind, cid, r) in repo.gh.reactions if cid == comment_id] == ["eyes", "rocket"]
    summaries = [r for r in repo.reviews(number) if r["body"].startswith(MARKER)]
    assert len(summaries) == 1 and summaries[0].get("edits") == 1
    assert len(repo.reviews(number)) == 2 and repo.reviews(number)[-1]["commit_id"] == second


def test_a_read_only_users_command_is_refused_and_nothing_runs(repo: Repo, model: FakeOpenAI) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    commits = repo.branch(number)

    comment_id, result = repo.comment(number, "reader", "/controlbot regenerate -- do it", **openai_env(model))

    assert result.code == 0
    assert repo.branch(number) == commits and repo.reviews(number) == []
    assert model.requests == []
    [reply] = [c for c in repo.gh.issue_comments[number] if c["user"]["type"] == "Bot"]
    assert "@reader" in reply["body"] and "write, maintain or admin" in reply["body"]
    assert [r for (kind, cid, r) in repo.gh.reactions if cid == comment_id] == ["eyes", "confused"]


def test_a_merged_control_becomes_an_example_for_the_next_pr(repo: Repo, model: FakeOpenAI) -> None:
    first = repo.open_pr("first", {"controls/s3/s3-versioning.yaml": VERSIONING})
    repo.on_pr(first, **openai_env(model))
    second = repo.open_pr("second", {"controls/s3/s3-versioning-kept.yaml": VERSIONING.replace("every", "each")})
    repo.on_pr(second, **openai_env(model))
    assert "Example `s3-versioning`" not in model.requests_for("write")[-1]["messages"][0]["content"]

    pair = ("controls/s3/s3-versioning.yaml", "controls/s3/s3-versioning.feature")
    merged = {p: repo.gh.git.read(repo.gh.head_sha(first), p) or b"" for p in pair}
    repo.gh.commit("main", dict(merged), "Merge pull request #1")
    third = repo.open_pr("third", {"controls/s3/s3-versioning-again.yaml": VERSIONING.replace("every", "any")})
    repo.on_pr(third, **openai_env(model))

    prompt = model.requests_for("write")[-1]["messages"][0]["content"]
    assert "Example `s3-versioning`" in prompt
    assert merged["controls/s3/s3-versioning.feature"].decode().splitlines()[1] in prompt


def test_a_commit_is_rebuilt_on_the_new_head_when_the_branch_moves(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    repo.gh.before("POST", "/git/trees$", lambda: repo.gh.commit("add-s3", {"notes.md": "pushed meanwhile\n"}, "push"))

    result = repo.on_pr(number)

    assert result.code == 0
    [commit, moved, *_] = repo.branch(number)
    assert repo.gh.git.read(moved, "notes.md") == b"pushed meanwhile\n"
    assert repo.gh.git.commit_info(commit)["parents"] == [moved]
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning.feature"}
    assert repo.gh.git.read(commit, "notes.md") == b"pushed meanwhile\n"
    assert "rebuilt on its new head" in repo.reviews(number)[0]["body"]


def test_a_502_on_posting_the_review_is_retried(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    repo.gh.fail("POST", "/reviews$", 502)

    assert repo.on_pr(number).code == 0

    assert len(repo.reviews(number)) == 1
    assert sum(1 for method, path in repo.gh.requests if method == "POST" and path.endswith("/reviews")) == 2


def test_traversal_and_symlink_requests_are_rejected_and_nothing_is_written(repo: Repo) -> None:
    number = repo.open_pr("sneaky", {"controls/s3/link.yaml": Symlink("../../.github/workflows/ci.yml")})
    sneaky = "controls/../.github/workflows/x.yaml"
    repo.gh.prs[number].extra_files.append({"filename": sneaky, "status": "added", "sha": "0" * 40})
    commits = repo.branch(number)

    result = repo.on_pr(number)

    assert result.code == 1
    assert repo.branch(number) == commits
    assert not any(m != "GET" and "/git/" in p for m, p in repo.gh.requests)
    [review] = repo.reviews(number)
    assert "symbolic links are not accepted" in repo.file_comments(number, review)["controls/s3/link.yaml"]
    assert f"{sneaky}: empty, '.' and '..' path parts are not allowed" in review["body"]
    assert "::error file=controls/s3/link.yaml" in result.stdout and "::error file=controls/../.github" in result.stdout


def test_a_fork_pr_gets_the_feature_in_the_review_and_no_push(repo: Repo) -> None:
    number = repo.open_pr("theirs", {"controls/s3/s3-versioning.yaml": VERSIONING}, fork_owner="outsider")
    head = repo.gh.head_sha(number)

    result = repo.on_pr(number, CONTROLBOT_PROVIDER="openai")  # no key: a fork's run gets no secrets

    assert result.code == 0
    assert repo.gh.head_sha(number) == head
    assert not any(m != "GET" and "/git/" in p for m, p in repo.gh.requests)
    [review] = repo.reviews(number)
    assert review["commit_id"] == head
    assert "forks get no secrets: the offline provider was used" in review["body"]
    body = repo.file_comments(number, review)["controls/s3/s3-versioning.yaml"]
    assert "Not pushed to the branch; add this as `controls/s3/s3-versioning.feature`" in body
    assert "```gherkin\n# controlbot: request-sha256=" in body and "@control:s3-versioning" in body


def test_a_forks_read_only_token_leaves_the_review_in_the_job_summary(repo: Repo) -> None:
    number = repo.open_pr("theirs", {"controls/s3/s3-versioning.yaml": VERSIONING}, fork_owner="outsider")
    repo.gh.fail("POST", "/reviews$", 403)

    result = repo.on_pr(number)

    assert result.code == 0 and repo.reviews(number) == []
    assert "::warning title=controlbot::" in result.stdout
    assert "@control:s3-versioning" in result.summary


def test_a_review_comment_regenerates_only_its_file_and_replies_in_the_thread(repo: Repo, model: FakeOpenAI) -> None:
    other = VERSIONING.replace("every", "each")
    number = repo.open_pr("two", {"controls/s3/s3-versioning.yaml": VERSIONING, "controls/s3/s3-other.yaml": other})
    repo.on_pr(number, **openai_env(model))
    [before, *_] = repo.branch(number)

    comment_id, result = repo.comment(
        number,
        "maintainer",
        "/controlbot regenerate -- tighter",
        path="controls/s3/s3-other.feature",
        **openai_env(model),
    )

    assert result.code == 0, result.stdout
    [after, parent, *_] = repo.branch(number)
    assert parent == before
    changed = repo.gh.git.git("diff", "--name-only", before, after).decode().split()
    assert changed == ["controls/s3/s3-other.feature"]
    new_review = repo.reviews(number)[-1]
    assert set(repo.file_comments(number, new_review)) == {"controls/s3/s3-other.yaml"}
    replies = [c for c in repo.gh.review_comments[number] if c.get("in_reply_to_id") == comment_id]
    assert len(replies) == 1 and "Regenerated" in replies[0]["body"]


def test_regenerating_to_the_same_feature_commits_nothing(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    repo.on_pr(number)
    commits = repo.branch(number)

    comment_id, result = repo.comment(number, "maintainer", "/controlbot regenerate")

    assert result.code == 0
    assert repo.branch(number) == commits
    assert "| `s3-versioning` | ⏭️ unchanged |" in repo.reviews(number)[0]["body"]
    assert [r for (kind, cid, r) in repo.gh.reactions if cid == comment_id] == ["eyes", "rocket"]


def test_help_lists_the_commands(repo: Repo) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})

    comment_id, result = repo.comment(number, "maintainer", "/controlbot help")

    assert result.code == 0
    reply = repo.gh.issue_comments[number][-1]["body"]
    assert "/controlbot regenerate -- <feedback>" in reply and "/controlbot help" in reply
    assert [r for (kind, cid, r) in repo.gh.reactions if cid == comment_id] == ["eyes", "rocket"]


def test_a_comment_on_a_plain_issue_is_ignored_without_calling_github(repo: Repo) -> None:
    event = json.loads((PROJECT / "tests/fixtures/github-events/issue_comment.created.json").read_text())

    result = repo.run("issue_comment", event)

    assert result.code == 0 and "nothing to do" in result.stdout
    assert repo.gh.requests == []


def test_requests_over_the_default_branchs_limit_are_reported_not_run(repo: Repo) -> None:
    repo.gh.commit("main", {".controlbot.yaml": "max_requests: 2\n"}, "limit")
    requests = {f"controls/s3/s3-versioning-{n}.yaml": VERSIONING.replace("every", f"every ({n})") for n in range(3)}
    number = repo.open_pr("many", {**requests, ".controlbot.yaml": "max_requests: 50\n"})  # the head's is ignored

    assert repo.on_pr(number).code == 0

    [commit, *_] = repo.branch(number)
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning-0.feature", "controls/s3/s3-versioning-1.feature"}
    assert "| `controls/s3/s3-versioning-2.yaml` | ⏸️ not run |" in repo.reviews(number)[0]["body"]


def test_outside_actions_the_entry_points_name_the_missing_variables() -> None:
    for command in ([sys.executable, "-m", "bot"], [sys.executable, "-m", "bot.cli.main", "action"]):
        done = subprocess.run(command, env={"PATH": os.environ.get("PATH", "")}, capture_output=True, text=True)
        assert done.returncode == 2
        assert "missing GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_TOKEN" in done.stdout + done.stderr


def test_long_feedback_is_capped_and_the_review_says_so(repo: Repo, model: FakeOpenAI) -> None:
    number = repo.open_pr("add-s3", {"controls/s3/s3-versioning.yaml": VERSIONING})
    feedback = "Check MFA delete. " + "x" * 2500

    _, result = repo.comment(number, "maintainer", f"/controlbot regenerate -- {feedback}", **openai_env(model))

    assert result.code == 0
    write = model.requests_for("write")[-1]["messages"][1]["content"]
    block = re.search(r"<feedback>\n(.*?)\n</feedback>", write, re.DOTALL)
    assert block is not None and block.group(1) == feedback[:2000]
    assert (
        f"The feedback had {len(feedback)} characters; only the first 2000 were used."
        in repo.reviews(number)[0]["body"]
    )
