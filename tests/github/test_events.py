"""Actions event payloads (octokit's real examples, unchanged or minimally derived) → jobs."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from bot.github.events import Command, CommandJob, Ignored, PullRequestJob, parse_command, parse_event
from bot.inputs.errors import UsageError
from tests.paths import FIXTURES

EVENTS = FIXTURES / "github-events"
HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "name",
    [
        "pull_request.opened.json",
        "pull_request.opened.with-organization.json",
        "pull_request.reopened.json",
        "pull_request.synchronize.json",
    ],
)
def test_pull_request_fixtures_become_generation_jobs(name: str) -> None:
    job = parse_event("pull_request", fixture(name))
    assert job == PullRequestJob(repo="Codertocat/Hello-World", number=2, head_sha=HEAD)


def test_a_closed_pull_request_needs_nothing() -> None:
    event = fixture("pull_request.opened.json")
    event["action"] = "closed"
    assert isinstance(parse_event("pull_request", event), Ignored)


@pytest.mark.parametrize("name", ["issue_comment.created.json", "issue_comment.created.with-organization.json"])
def test_comments_on_plain_issues_are_ignored_quietly(name: str) -> None:
    job = parse_event("issue_comment", fixture(name))
    assert isinstance(job, Ignored)
    assert "not on a pull request" in job.reason


def pr_comment(body: str, **user: Any) -> dict[str, Any]:
    event = fixture("issue_comment.created.json")
    event["issue"]["pull_request"] = {"url": "https://api.github.com/repos/Codertocat/Hello-World/pulls/1"}
    event["comment"]["body"] = body
    event["comment"]["user"].update(user)
    return event


def test_a_pr_comment_command_becomes_a_command_job() -> None:
    job = parse_event("issue_comment", pr_comment("/controlbot regenerate controls/s3/a.yaml -- use KMS keys"))
    assert job == CommandJob(
        repo="Codertocat/Hello-World",
        number=1,
        comment_id=492700400,
        comment_kind="issue",
        author="Codertocat",
        command=Command("regenerate", paths=("controls/s3/a.yaml",), feedback="use KMS keys"),
    )


def test_the_review_comment_fixture_without_a_command_is_ignored() -> None:
    job = parse_event("pull_request_review_comment", fixture("pull_request_review_comment.created.json"))
    assert isinstance(job, Ignored)


def test_a_review_comment_command_is_scoped_to_its_file() -> None:
    event = fixture("pull_request_review_comment.created.json")
    event["comment"].update(body="/controlbot regenerate other.yaml -- stricter", path="controls/s3/a.feature")
    job = parse_event("pull_request_review_comment", event)
    assert isinstance(job, CommandJob)
    assert (job.number, job.comment_id, job.comment_kind) == (2, 284312630, "review")
    assert job.command == Command("regenerate", paths=("controls/s3/a.feature",), feedback="stricter")


@pytest.mark.parametrize("user", [{"type": "Bot", "login": "some-app[bot]"}, {"login": "github-actions[bot]"}])
def test_bot_comments_are_ignored(user: dict[str, str]) -> None:
    job = parse_event("issue_comment", pr_comment("/controlbot regenerate", **user))
    assert isinstance(job, Ignored)
    assert "bot" in job.reason


def test_the_configured_bot_login_is_ignored_too() -> None:
    job = parse_event("issue_comment", pr_comment("/controlbot help", login="acme-controls"), bot_login="acme-controls")
    assert isinstance(job, Ignored)


def test_edited_comments_are_not_run_again() -> None:
    event = pr_comment("/controlbot regenerate")
    event["action"] = "edited"
    assert isinstance(parse_event("issue_comment", event), Ignored)


def test_unhandled_events_are_ignored() -> None:
    assert isinstance(parse_event("push", {"ref": "refs/heads/main"}), Ignored)


def test_a_malformed_payload_names_the_missing_field() -> None:
    event = copy.deepcopy(fixture("pull_request.opened.json"))
    del event["pull_request"]
    with pytest.raises(UsageError, match="pull_request event payload is missing the field 'pull_request'"):
        parse_event("pull_request", event)


@pytest.mark.parametrize(
    ("body", "command"),
    [
        ("/controlbot", Command("help")),
        ("/controlbot help", Command("help")),
        ("  /controlbot regenerate  ", Command("regenerate")),
        ("/controlbot regenerate a.yaml b.feature", Command("regenerate", paths=("a.yaml", "b.feature"))),
        ("/controlbot regenerate --", Command("regenerate")),
        (
            "Thanks!\r\n/controlbot regenerate -- first line\r\n  second line\r\n",
            Command("regenerate", feedback="first line\n  second line"),
        ),
        ("/controlbot regenerate a--b.yaml", Command("regenerate", paths=("a--b.yaml",))),
        ("/controlbot frobnicate now", Command("unknown", word="frobnicate")),
    ],
)
def test_commands_are_parsed(body: str, command: Command) -> None:
    assert parse_command(body) == command


@pytest.mark.parametrize(
    "body", ["", "LGTM", "> /controlbot regenerate", "/controlbotx regenerate", "see /controlbot help"]
)
def test_text_without_a_command_is_not_one(body: str) -> None:
    assert parse_command(body) is None
