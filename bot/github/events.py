"""Actions event payload → the job to do: generate for a PR, run a comment command, or nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.inputs.errors import UsageError

COMMAND_PREFIX = "/controlbot"
PR_ACTIONS = frozenset({"opened", "synchronize", "reopened"})
DEFAULT_BOT_LOGIN = "github-actions[bot]"
_SEPARATOR = re.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass(frozen=True)
class Command:
    """A parsed `/controlbot …` comment: `regenerate`, `help`, or `unknown` (with the word used)."""

    name: Literal["regenerate", "help", "unknown"]
    paths: tuple[str, ...] = ()
    feedback: str = ""
    word: str = ""


@dataclass(frozen=True)
class PullRequestJob:
    """Generate controls for the requests a pull request adds or changes."""

    repo: str
    number: int
    head_sha: str


@dataclass(frozen=True)
class CommandJob:
    """Run a command from a PR comment (`issue`) or a review comment on a file (`review`)."""

    repo: str
    number: int
    comment_id: int
    comment_kind: Literal["issue", "review"]
    author: str
    command: Command


@dataclass(frozen=True)
class Ignored:
    """An event with nothing to do, and why (logged, never posted)."""

    reason: str


Job = PullRequestJob | CommandJob | Ignored


def parse_command(body: str) -> Command | None:
    """The command in a comment (its first line starting with /controlbot), or None when there is none."""
    lines = body.replace("\r\n", "\n").split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(rf"\s*{COMMAND_PREFIX}(\s|$)", line)]
    if not starts:
        return None
    index = starts[0]
    rest = lines[index].strip()[len(COMMAND_PREFIX) :]
    split = _SEPARATOR.search(rest)
    feedback = ""
    if split:
        feedback = "\n".join([rest[split.end() :], *lines[index + 1 :]]).strip()
        rest = rest[: split.start()]
    words = rest.split()
    if not words or words[0] == "help":
        return Command("help")
    if words[0] == "regenerate":
        return Command("regenerate", paths=tuple(words[1:]), feedback=feedback)
    return Command("unknown", word=words[0])


def parse_event(name: str, payload: Mapping[str, Any], *, bot_login: str = DEFAULT_BOT_LOGIN) -> Job:
    """The job for an Actions event; raises UsageError naming the missing field of a malformed payload."""
    try:
        if name == "pull_request":
            return _pull_request(payload)
        if name == "issue_comment":
            return _issue_comment(payload, bot_login)
        if name == "pull_request_review_comment":
            return _review_comment(payload, bot_login)
    except (KeyError, TypeError) as error:
        raise UsageError(f"{name} event payload is missing the field {error}; is GITHUB_EVENT_PATH right?") from None
    return Ignored(f"event {name!r} is not handled (pull_request, issue_comment, pull_request_review_comment)")


def _pull_request(payload: Mapping[str, Any]) -> Job:
    if payload["action"] not in PR_ACTIONS:
        return Ignored(f"pull_request action {payload['action']!r} needs no generation")
    pr = payload["pull_request"]
    return PullRequestJob(repo=payload["repository"]["full_name"], number=int(pr["number"]), head_sha=pr["head"]["sha"])


def _issue_comment(payload: Mapping[str, Any], bot_login: str) -> Job:
    issue = payload["issue"]
    if not issue.get("pull_request"):
        return Ignored(f"comment on issue #{issue['number']}, not on a pull request")
    return _comment_job(payload, int(issue["number"]), "issue", None, bot_login)


def _review_comment(payload: Mapping[str, Any], bot_login: str) -> Job:
    number = int(payload["pull_request"]["number"])
    return _comment_job(payload, number, "review", payload["comment"]["path"], bot_login)


def _comment_job(
    payload: Mapping[str, Any],
    number: int,
    kind: Literal["issue", "review"],
    file_path: str | None,
    bot_login: str,
) -> Job:
    if payload["action"] != "created":
        return Ignored(f"comment {payload['action']}: only new comments are read")
    comment = payload["comment"]
    user = comment["user"]
    if user.get("type") == "Bot" or user["login"] in (bot_login, DEFAULT_BOT_LOGIN):
        return Ignored(f"comment by bot {user['login']!r}")
    command = parse_command(comment.get("body") or "")
    if command is None:
        return Ignored("comment has no /controlbot command")
    if file_path is not None and command.name == "regenerate":
        command = Command("regenerate", paths=(file_path,), feedback=command.feedback)
    return CommandJob(
        repo=payload["repository"]["full_name"],
        number=number,
        comment_id=int(comment["id"]),
        comment_kind=kind,
        author=user["login"],
        command=command,
    )
