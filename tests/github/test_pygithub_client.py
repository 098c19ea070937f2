"""The PyGithub client against the local GitHub fake: pull requests, retries, permissions, reviews, posts."""

from __future__ import annotations

import pytest

from bot.github.api import FileComment, GitHubError
from tests.fakes.github_server import FakeGitHub
from tests.github.conftest import client


def test_pull_request_and_changed_files(fake: FakeGitHub) -> None:
    gh = client(fake)
    pr = gh.pull_request(1)
    assert (pr.number, pr.head_ref, pr.head_sha, pr.is_fork) == (1, "add-controls", fake.head_sha(1), False)
    files = {f.path: f for f in gh.changed_files(1)}
    assert set(files) == {"controls/s3/new.yaml", "controls/s3/old.yaml", "controls/s3/link.yaml", "controls/raw.yaml"}
    assert files["controls/s3/new.yaml"].status == "added"
    assert files["controls/s3/old.yaml"].status == "modified"
    assert files["controls/s3/new.yaml"].patch == "@@ -0,0 +1,2 @@\n+service: s3\n+resource: bucket\n"
    assert (
        files["controls/s3/new.yaml"].sha
        == fake.git.git("rev-parse", f"{pr.head_sha}:controls/s3/new.yaml").decode().strip()
    )


def test_changed_files_are_read_across_pages(fake: FakeGitHub) -> None:
    fake.commit("add-controls", {f"controls/s3/r{n:02}.yaml": f"n: {n}\n" for n in range(40)})
    assert len(client(fake).changed_files(1)) == 44
    assert sum(1 for _, path in fake.requests if path.endswith("/pulls/1/files")) == 2  # two pages of 30


def test_a_fork_pull_request_is_recognised(fake: FakeGitHub) -> None:
    fake.commit("their-branch", {"controls/s3/f.yaml": "service: s3\n"})
    number = fake.open_pr("their-branch", fork_owner="outsider")
    pr = client(fake).pull_request(number)
    assert pr.is_fork and pr.head_repo == "outsider/controls" and pr.head_sha == fake.head_sha(number)


def test_server_errors_and_rate_limits_are_retried(fake: FakeGitHub) -> None:
    fake.fail("GET", "/pulls/1$", 502, times=2)
    fake.fail("GET", "/pulls/1/files$", 429, headers={"Retry-After": "0"})
    fake.fail(
        "GET", "/collaborators/", 403, headers={"Retry-After": "0"}, message="You have exceeded a secondary rate limit."
    )
    gh = client(fake)
    assert gh.pull_request(1).number == 1
    assert len(gh.changed_files(1)) == 4
    assert gh.permission("octo-org") == "admin"
    assert sum(1 for m, p in fake.requests if m == "GET" and p.endswith("/pulls/1")) == 3
    assert sum(1 for m, p in fake.requests if "/collaborators/" in p) == 2


def test_a_403_that_is_not_a_rate_limit_is_not_retried(fake: FakeGitHub) -> None:
    fake.fail("POST", "/reviews$", 403)
    with pytest.raises(GitHubError) as caught:
        client(fake).create_review(1, fake.head_sha(1), "x", [])
    assert caught.value.status == 403 and "Resource not accessible by integration" in str(caught.value)
    assert sum(1 for m, p in fake.requests if m == "POST" and p.endswith("/reviews")) == 1


def test_a_502_on_posting_the_review_is_retried_once_and_lands_once(fake: FakeGitHub) -> None:
    fake.fail("POST", "/reviews$", 502)
    gh = client(fake)
    comment = FileComment("controls/s3/new.yaml", 1, "reasoning")
    review_id = gh.create_review(1, fake.head_sha(1), "summary", [comment])
    assert [r["id"] for r in fake.reviews[1]] == [review_id]
    assert [c["body"] for c in fake.review_comments[1]] == ["reasoning"]


def test_persistent_failures_end_in_one_clear_error_without_the_token(fake: FakeGitHub) -> None:
    fake.fail("GET", "/pulls/1$", 500, times=10)
    with pytest.raises(GitHubError) as caught:
        client(fake, retries=2).pull_request(1)
    assert caught.value.status == 500
    assert "read of pull request #1" in str(caught.value) and fake.token not in str(caught.value)


def test_a_comment_on_a_line_outside_the_diff_is_refused_with_422(fake: FakeGitHub) -> None:
    with pytest.raises(GitHubError) as caught:
        client(fake).create_review(1, fake.head_sha(1), "x", [FileComment("controls/s3/old.yaml", 40, "no")])
    assert caught.value.status == 422


def test_collaborator_permissions(fake: FakeGitHub) -> None:
    fake.permissions.update(writer="write", keeper="maintain", reader="read", triager="triage")
    gh = client(fake)
    assert [gh.permission(u) for u in ("octo-org", "writer", "keeper", "reader", "triager")] == [
        "admin",
        "write",
        "write",
        "read",
        "read",
    ]


def test_reviews_are_listed_and_edited(fake: FakeGitHub) -> None:
    gh = client(fake)
    review_id = gh.create_review(1, fake.head_sha(1), "<!-- marker --> first", [])
    gh.edit_review(1, review_id, "<!-- marker --> second")
    [review] = gh.reviews(1)
    assert (review.id, review.body, review.user_login, review.user_type) == (
        review_id,
        "<!-- marker --> second",
        "github-actions[bot]",
        "Bot",
    )


def test_replies_comments_and_reactions(fake: FakeGitHub) -> None:
    gh = client(fake)
    issue_comment = fake.add_comment(1, "alice", "/controlbot help")
    review_comment = fake.add_comment(1, "alice", "/controlbot regenerate", path="controls/s3/new.yaml")
    gh.react(1, "issue", issue_comment, "eyes")
    gh.react(1, "review", review_comment, "rocket")
    gh.comment(1, "the commands")
    gh.reply(1, review_comment, "done")
    assert fake.reactions == [("issue", issue_comment, "eyes"), ("review", review_comment, "rocket")]
    assert fake.issue_comments[1][-1]["body"] == "the commands"
    assert fake.review_comments[1][-1] | {"id": 0} == {
        "id": 0,
        "body": "done",
        "user": {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"},
        "in_reply_to_id": review_comment,
    }
    assert fake.auth_headers == {f"token {fake.token}"}
