"""The GitHub Protocol implemented with PyGithub, retrying GitHub's 429s, 5xx and secondary rate limits."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, TypeVar

import requests
from github import Auth, Github, GithubException, GithubRetry, InputGitTreeElement
from github.PullRequest import PullRequest as GhPull
from github.Repository import Repository

from bot.github.api import DEFAULT_API_URL, ChangedFile, FileComment, GitHubError, PullRequest, Review, TreeEntry

FEATURE_MODE = "100644"
T = TypeVar("T")


def _guard(what: str, call: Callable[[], T]) -> T:
    try:
        return call()
    except GithubException as error:
        detail = error.data.get("message") if isinstance(error.data, dict) else error.data
        raise GitHubError(f"GitHub {what} failed: HTTP {error.status}: {detail}", error.status) from None
    except requests.RequestException as error:
        raise GitHubError(f"GitHub {what} failed: {type(error).__name__}: {error}") from None


class PyGithubClient:
    """GitHub through PyGithub: 429s, 5xx and secondary rate limits retried with backoff by GithubRetry."""

    def __init__(
        self,
        repo: str,
        token: str,
        *,
        api_url: str = DEFAULT_API_URL,
        retries: int = 5,
        backoff: float = 1.0,
        secondary_rate_wait: float = 60.0,
        seconds_between_writes: float | None = 0.05,
        timeout: int = 30,
    ) -> None:
        retry = GithubRetry(
            total=retries,
            backoff_factor=backoff,
            backoff_max=30,
            status_forcelist=[429, 500, 502, 503, 504],
            allowed_methods={"GET", "POST", "PUT", "PATCH", "DELETE"},
            secondary_rate_wait=secondary_rate_wait,
            max_rate_limit_wait=900,
            raise_on_status=False,  # after the last retry, hand back the response so the error names its status
        )
        self._gh = Github(
            auth=Auth.Token(token),
            base_url=api_url.rstrip("/"),
            retry=retry,
            timeout=timeout,
            seconds_between_requests=None,
            seconds_between_writes=seconds_between_writes,
        )
        self._name = repo
        self._repo_object: Repository | None = None
        self._pulls: dict[int, GhPull] = {}

    @property
    def _repo(self) -> Repository:
        if self._repo_object is None:
            self._repo_object = _guard(f"read of repository {self._name}", lambda: self._gh.get_repo(self._name))
        return self._repo_object

    def _pull(self, number: int) -> GhPull:
        if number not in self._pulls:
            self._pulls[number] = _guard(f"read of pull request #{number}", lambda: self._repo.get_pull(number))
        return self._pulls[number]

    def pull_request(self, number: int) -> PullRequest:
        def fetch() -> PullRequest:
            pr = self._pulls[number] = self._repo.get_pull(number)
            head_repo = pr.head.repo.full_name if pr.head.repo is not None else None
            state = "merged" if pr.merged else str(pr.state)
            return PullRequest(number, pr.head.sha, pr.head.ref, head_repo, pr.base.repo.full_name, state)

        return _guard(f"read of pull request #{number}", fetch)

    def changed_files(self, number: int) -> list[ChangedFile]:
        def fetch() -> list[ChangedFile]:
            files = self._pull(number).get_files()
            return [ChangedFile(f.filename, f.status, f.sha or "", f.patch) for f in files]

        return _guard(f"listing of the files of pull request #{number}", fetch)

    def commit_tree(self, commit_sha: str) -> str:
        return _guard(f"read of commit {commit_sha}", lambda: str(self._repo.get_git_commit(commit_sha).tree.sha))

    def tree(self, tree_sha: str) -> list[TreeEntry]:
        def fetch() -> list[TreeEntry]:
            items = self._repo.get_git_tree(tree_sha).tree
            return [TreeEntry(i.path, i.mode, i.type, i.sha, i.size) for i in items]

        return _guard(f"read of tree {tree_sha}", fetch)

    def blob(self, blob_sha: str) -> bytes:
        def fetch() -> bytes:
            blob = self._repo.get_git_blob(blob_sha)
            return base64.b64decode(blob.content) if blob.encoding == "base64" else str(blob.content).encode()

        return _guard(f"read of blob {blob_sha}", fetch)

    def branch_head(self, branch: str) -> str:
        return _guard(f"read of branch {branch!r}", lambda: str(self._repo.get_git_ref(f"heads/{branch}").object.sha))

    def create_blob(self, data: bytes) -> str:
        encoded = base64.b64encode(data).decode("ascii")
        return _guard("blob creation", lambda: str(self._repo.create_git_blob(encoded, "base64").sha))

    def create_tree(self, base_tree_sha: str, files: Mapping[str, str]) -> str:
        entries = [InputGitTreeElement(path, FEATURE_MODE, "blob", sha=sha) for path, sha in files.items()]
        base = _guard(f"read of tree {base_tree_sha}", lambda: self._repo.get_git_tree(base_tree_sha))
        return _guard("tree creation", lambda: str(self._repo.create_git_tree(entries, base).sha))

    def create_commit(self, message: str, tree_sha: str, parent_sha: str) -> str:
        def create() -> str:
            tree = self._repo.get_git_tree(tree_sha)
            parent = self._repo.get_git_commit(parent_sha)
            return str(self._repo.create_git_commit(message, tree, [parent]).sha)

        return _guard("commit creation", create)

    def update_branch(self, branch: str, commit_sha: str) -> bool:
        def update() -> bool:
            try:
                self._repo.get_git_ref(f"heads/{branch}").edit(commit_sha, force=False)
            except GithubException as error:
                if error.status == 422:  # "Update is not a fast forward": the branch moved
                    return False
                raise
            return True

        return _guard(f"update of branch {branch!r}", update)

    def permission(self, login: str) -> str:
        def fetch() -> str:
            try:
                return str(self._repo.get_collaborator_permission(login))
            except GithubException as error:
                if error.status == 404:  # not a collaborator (or no such user)
                    return "none"
                raise

        return _guard(f"permission check of {login!r}", fetch)

    def reviews(self, number: int) -> list[Review]:
        def fetch() -> list[Review]:
            found = self._pull(number).get_reviews()
            return [Review(r.id, r.body or "", r.user.login, r.user.type or "") for r in found]

        return _guard(f"listing of the reviews of #{number}", fetch)

    def create_review(self, number: int, commit_sha: str, body: str, comments: Sequence[FileComment]) -> int:
        payload: list[Any] = [{"path": c.path, "line": c.line, "side": "RIGHT", "body": c.body} for c in comments]

        def create() -> int:
            pr = self._pull(number)
            review = pr.create_review(self._repo.get_commit(commit_sha), body, "COMMENT", payload)
            return int(review.id)

        return _guard(f"review of #{number}", create)

    def edit_review(self, number: int, review_id: int, body: str) -> None:
        _guard(f"edit of review {review_id}", lambda: self._pull(number).get_review(review_id).edit(body))

    def comment(self, number: int, body: str) -> None:
        _guard(f"comment on #{number}", lambda: self._pull(number).create_issue_comment(body))

    def reply(self, number: int, review_comment_id: int, body: str) -> None:
        pr = self._pull(number)
        _guard(f"reply on #{number}", lambda: pr.create_review_comment_reply(review_comment_id, body))

    def react(self, number: int, kind: Literal["issue", "review"], comment_id: int, content: str) -> None:
        def create() -> None:
            pr = self._pull(number)
            target = pr.get_issue_comment(comment_id) if kind == "issue" else pr.get_review_comment(comment_id)
            target.create_reaction(content)

        _guard(f"reaction on comment {comment_id}", create)
