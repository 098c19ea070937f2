"""`python -m bot` end to end: real-shaped events, the GitHub fake over HTTP, the OpenAI fake for a model."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

from tests.fakes.github_server import Symlink
from tests.fakes.openai_server import FakeOpenAI
from tests.github.action_repo import BROKEN, MARKER, PROJECT, VERSIONING, Repo, added_paths, openai_env


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
    assert "| `s3-versioning` | 📝 draft, committed |" in review["body"]  # offline: a draft, never ✅
    assert "✅ committed" not in review["body"]
    assert "| `controls/s3/s3-broken.yaml` | ⛔ rejected |" in review["body"]
    assert "Offline provider: no model was called" in review["body"]
    comments = repo.file_comments(number, review)
    reasoning = comments["controls/s3/s3-versioning.yaml"]
    for step in ("analyse", "retrieve", "plan", "write", "verify"):
        assert re.search(rf"<details><summary>\d+\. {step}", reasoning), step
    assert "key 'requirment'" in comments["controls/s3/s3-broken.yaml"]
    assert "::error file=controls/s3/s3-broken.yaml,title=controlbot::" in result.stdout
    assert "| `s3-versioning` | 📝 draft, committed |" in result.summary and "<details>" in result.summary


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
    assert "| `s3-versioning` | 📝 draft, unchanged |" in repo.reviews(number)[0]["body"]
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


def test_requests_over_the_limit_keep_the_run_red_and_a_later_run_takes_the_next_ones(repo: Repo) -> None:
    repo.gh.commit("main", {".controlbot.yaml": "max_requests: 2\n"}, "limit")
    requests = {f"controls/s3/s3-versioning-{n}.yaml": VERSIONING.replace("every", f"every ({n})") for n in range(3)}
    number = repo.open_pr("many", {**requests, ".controlbot.yaml": "max_requests: 50\n"})  # the head's is ignored

    first = repo.on_pr(number)

    assert first.code == 1  # one request still needs work: not green
    [commit, *_] = repo.branch(number)
    assert added_paths(repo, commit) == {"controls/s3/s3-versioning-0.feature", "controls/s3/s3-versioning-1.feature"}
    summary = repo.reviews(number)[0]["body"]
    assert "| `controls/s3/s3-versioning-2.yaml` | ⏸️ not run |" in summary
    assert "1 request(s) still need work: a run handles at most 2" in summary
    assert "::error file=controls/s3/s3-versioning-2.yaml,title=controlbot::" in first.stdout

    second = repo.on_pr(number, "synchronize")  # the up-to-date two do not count against the limit

    assert second.code == 0
    [latest, *_] = repo.branch(number)
    assert added_paths(repo, latest) == {"controls/s3/s3-versioning-2.feature"}
    assert "| `s3-versioning-2` | 📝 draft, committed |" in repo.reviews(number)[0]["body"]


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
