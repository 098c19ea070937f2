"""GitHub as the Action sees it: one small Protocol, the records it returns, and its errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.inputs.errors import ControlbotError

DEFAULT_API_URL = "https://api.github.com"


class GitHubError(ControlbotError):
    """GitHub refused or kept failing a call after the retries; the message names the call."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BranchKeptMoving(GitHubError):
    """The head branch moved under every attempt to push."""


@dataclass(frozen=True)
class PullRequest:
    number: int
    head_sha: str
    head_ref: str
    head_repo: str | None  # None when the fork was deleted
    base_repo: str
    state: str = "open"  # open, closed, or merged (GitHub says closed with merged=true)

    @property
    def is_fork(self) -> bool:
        return self.head_repo != self.base_repo

    @property
    def open(self) -> bool:
        return self.state == "open"


@dataclass(frozen=True)
class ChangedFile:
    path: str
    status: str  # added, modified, removed, renamed, copied, changed, unchanged
    sha: str  # the file's blob at the head commit
    patch: str | None  # the unified diff hunk GitHub shows, absent for large or binary files


@dataclass(frozen=True)
class TreeEntry:
    name: str
    mode: str  # "100644", "100755", "120000" (symlink), "040000" (tree), "160000" (submodule)
    kind: str  # blob, tree, commit
    sha: str
    size: int | None = None


@dataclass(frozen=True)
class Review:
    id: int
    body: str
    user_login: str
    user_type: str


@dataclass(frozen=True)
class FileComment:
    """A review comment on one line (RIGHT side) of a file of the pull request's diff."""

    path: str
    line: int
    body: str


class GitHub(Protocol):
    """The GitHub calls the Action makes, on the repository of the run."""

    def pull_request(self, number: int) -> PullRequest: ...
    def changed_files(self, number: int) -> list[ChangedFile]: ...
    def commit_tree(self, commit_sha: str) -> str: ...
    def tree(self, tree_sha: str) -> list[TreeEntry]: ...
    def blob(self, blob_sha: str) -> bytes: ...
    def branch_head(self, branch: str) -> str: ...
    def create_blob(self, data: bytes) -> str: ...
    def create_tree(self, base_tree_sha: str, files: Mapping[str, str]) -> str: ...
    def create_commit(self, message: str, tree_sha: str, parent_sha: str) -> str: ...
    def update_branch(self, branch: str, commit_sha: str) -> bool: ...
    def permission(self, login: str) -> str: ...
    def reviews(self, number: int) -> list[Review]: ...
    def create_review(self, number: int, commit_sha: str, body: str, comments: Sequence[FileComment]) -> int: ...
    def edit_review(self, number: int, review_id: int, body: str) -> None: ...
    def comment(self, number: int, body: str) -> None: ...
    def reply(self, number: int, review_comment_id: int, body: str) -> None: ...
    def react(self, number: int, kind: Literal["issue", "review"], comment_id: int, content: str) -> None: ...
