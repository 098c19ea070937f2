"""A stateful local fake of the GitHub REST endpoints controlbot uses, backed by a real bare git repository.

Objects it receives (blobs, trees, commits, ref updates) are written with git plumbing, so every commit
the bot pushes can be inspected with git. PR, repository and event JSON are derived from the octokit
webhook fixtures (same shape, URLs pointing here). Faults and hooks let tests inject 5xx/429 answers and
move a branch in the middle of a run.
"""

from __future__ import annotations

import base64
import copy
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "github-events"
BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
_GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "fake",
    "GIT_AUTHOR_EMAIL": "fake@example.invalid",
    "GIT_COMMITTER_NAME": "fake",
    "GIT_COMMITTER_EMAIL": "fake@example.invalid",
}


@dataclass(frozen=True)
class Symlink:
    """A file content that is a symbolic link to `target` (git mode 120000)."""

    target: str


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, dict(headers or {})


class GitStore:
    """A bare repository driven only through plumbing commands."""

    def __init__(self, path: Path, default_branch: str) -> None:
        self.path = path
        self._env = {**os.environ, **_GIT_ENV}
        subprocess.run(["git", "init", "-q", "--bare", "-b", default_branch, str(path)], check=True, env=self._env)

    def git(self, *args: str, data: bytes | None = None, env: Mapping[str, str] | None = None) -> bytes:
        result = subprocess.run(
            ["git", "--git-dir", str(self.path), *args],
            input=data,
            capture_output=True,
            env={**self._env, **(env or {})},
            check=False,
        )
        if result.returncode != 0:
            raise HttpError(422, f"git {args[0]} failed: {result.stderr.decode(errors='replace').strip()}")
        return result.stdout

    def hash_blob(self, data: bytes) -> str:
        return self.git("hash-object", "-w", "--stdin", data=data).decode().strip()

    def write_tree(self, base_tree: str | None, changes: Mapping[str, tuple[str, str] | None]) -> str:
        """A tree: `base_tree` with each path set to (mode, sha), or removed when None (a temporary index)."""
        with tempfile.TemporaryDirectory() as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.git("read-tree", *([base_tree] if base_tree else ["--empty"]), env=env)
            for path, change in changes.items():
                if change is None:
                    # --force-remove wants a work tree; an --index-info line with mode 0 removes without one
                    self.git("update-index", "--index-info", data=f"0 {'0' * 40}\t{path}\n".encode(), env=env)
                else:
                    self.git("update-index", "--add", "--cacheinfo", f"{change[0]},{change[1]},{path}", env=env)
            return self.git("write-tree", env=env).decode().strip()

    def commit_tree(self, tree: str, parents: list[str], message: str) -> str:
        args = [arg for parent in parents for arg in ("-p", parent)]
        return self.git("commit-tree", tree, *args, "-F", "-", data=message.encode()).decode().strip()

    def resolve(self, ref: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "-q", f"{ref}^{{commit}}").decode().strip()
        except HttpError:
            return None

    def update_ref(self, ref: str, new: str, old: str | None) -> bool:
        try:
            self.git("update-ref", ref, new, old or "")
        except HttpError:
            return False
        return True

    def ls_tree(self, treeish: str) -> list[tuple[str, str, str, str, str]]:
        """(mode, type, sha, size, name) of each direct entry."""
        out = self.git("ls-tree", "-l", "-z", treeish).decode()
        rows = []
        for record in filter(None, out.split("\0")):
            meta, name = record.split("\t", 1)
            mode, kind, sha, size = meta.split()
            rows.append((mode, kind, sha, size, name))
        return rows

    def commit_info(self, sha: str) -> dict[str, Any]:
        raw = self.git("cat-file", "commit", sha).decode()
        header, _, message = raw.partition("\n\n")
        lines = header.splitlines()
        tree = next(line.split()[1] for line in lines if line.startswith("tree "))
        parents = [line.split()[1] for line in lines if line.startswith("parent ")]
        return {"tree": tree, "parents": parents, "message": message}

    def read(self, ref: str, path: str) -> bytes | None:
        try:
            return self.git("cat-file", "blob", f"{ref}:{path}")
        except HttpError:
            return None

    def files(self, ref: str) -> list[str]:
        return sorted(filter(None, self.git("ls-tree", "-r", "--name-only", "-z", ref).decode().split("\0")))

    def log(self, ref: str) -> list[str]:
        return self.git("rev-list", "--first-parent", ref).decode().split()

    def changes(self, base: str, head: str) -> list[dict[str, Any]]:
        """GitHub's PR file list between merge-base(base, head) and head, with patches."""
        merge_base = self.git("merge-base", base, head).decode().strip()
        fields = self.git("diff", "-M", "--name-status", "-z", merge_base, head).decode().split("\0")
        result, items = [], iter(filter(None, fields))
        statuses = {"A": "added", "M": "modified", "D": "removed", "R": "renamed", "T": "changed"}
        for code in items:
            old = next(items) if code[0] in "RC" else None
            path = next(items)
            patch = self.git("diff", "-M", merge_base, head, "--", *filter(None, [old, path])).decode(errors="replace")
            hunk = patch.find("\n@@")
            entry: dict[str, Any] = {"filename": path, "status": statuses.get(code[0], "modified")}
            if code[0] != "D":
                entry["sha"] = self.git("rev-parse", f"{head}:{path}").decode().strip()
            entry["patch"] = patch[hunk + 1 :] if hunk >= 0 else None
            if old:
                entry["previous_filename"] = old
            result.append(entry)
        return result


def right_lines(patch: str | None) -> set[int]:
    """The new-file line numbers a review comment may target in a unified diff hunk."""
    lines: set[int] = set()
    current = 0
    for row in (patch or "").split("\n"):
        header = re.match(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", row)
        if header:
            current = int(header.group(1))
        elif row.startswith(("+", " ")):
            lines.add(current)
            current += 1
    return lines


@dataclass
class FakePR:
    number: int
    head_ref: str
    base_ref: str
    head_owner: str | None  # None: same repository
    user: str
    fixed_head: str | None = None  # for forks: the head commit (kept under refs/pull/N/head)
    extra_files: list[dict[str, Any]] = field(default_factory=list)
    state: str = "open"
    merged: bool = False


@dataclass
class _Rule:
    method: str
    pattern: re.Pattern[str]
    times: int
    action: Callable[[], object] | None = None
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


class FakeGitHub:
    """`with FakeGitHub() as gh:` — a GitHub API for one repository at `gh.base_url`."""

    def __init__(self, owner: str = "octo-org", name: str = "controls", *, token: str = "ghs_fake_token_1234") -> None:
        self.owner, self.name, self.token, self.default_branch = owner, name, token, "main"
        self.full_name = f"{owner}/{name}"
        self._tmp = Path(tempfile.mkdtemp(prefix="fake-github-"))
        self.git = GitStore(self._tmp / "repo.git", self.default_branch)
        self.prs: dict[int, FakePR] = {}
        self.permissions: dict[str, str] = {owner: "admin"}
        self.reviews: dict[int, list[dict[str, Any]]] = {}
        self.issue_comments: dict[int, list[dict[str, Any]]] = {}
        self.review_comments: dict[int, list[dict[str, Any]]] = {}
        self.reactions: list[tuple[str, int, str]] = []
        self.requests: list[tuple[str, str]] = []
        self.auth_headers: set[str] = set()
        self.crashes: list[str] = []
        self._rules: list[_Rule] = []
        self._ids = itertools.count(1000)
        self._lock = threading.RLock()
        self._httpd: ThreadingHTTPServer | None = None

    # --- lifecycle -------------------------------------------------------------------------------------
    def __enter__(self) -> FakeGitHub:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "start the fake with `with FakeGitHub() as gh:`"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def repo_url(self) -> str:
        return f"{self.base_url}/repos/{self.full_name}"

    # --- arranging state ---------------------------------------------------------------------------------
    def commit(
        self, branch: str, files: Mapping[str, bytes | str | Symlink | None], message: str = "change", *, ref: str = ""
    ) -> str:
        """Commit `files` (None deletes) on top of `branch` (created from the default branch if new)."""
        with self._lock:
            target = ref or f"refs/heads/{branch}"
            current = self.git.resolve(target)
            parent = current or self.git.resolve(f"refs/heads/{self.default_branch}")
            changes: dict[str, tuple[str, str] | None] = {}
            for path, content in files.items():
                if content is None:
                    changes[path] = None
                elif isinstance(content, Symlink):
                    changes[path] = ("120000", self.git.hash_blob(content.target.encode()))
                else:
                    data = content.encode() if isinstance(content, str) else content
                    changes[path] = ("100644", self.git.hash_blob(data))
            base_tree = self.git.commit_info(parent)["tree"] if parent else None
            sha = self.git.commit_tree(self.git.write_tree(base_tree, changes), [parent] if parent else [], message)
            assert self.git.update_ref(target, sha, current), f"could not move {target}"
            return sha

    def open_pr(self, head_ref: str, *, fork_owner: str | None = None, user: str = "octocat") -> int:
        """A pull request from `head_ref` (a branch here, or for a fork a branch of `fork_owner`'s copy)."""
        with self._lock:
            number = len(self.prs) + 1
            head = None
            if fork_owner is not None:
                head = self.git.resolve(f"refs/heads/{head_ref}")
                assert head, f"commit the fork's work to branch {head_ref!r} first"
                self.git.update_ref(f"refs/pull/{number}/head", head, None)
                self.git.git("update-ref", "-d", f"refs/heads/{head_ref}")
            self.prs[number] = FakePR(number, head_ref, self.default_branch, fork_owner, user, head)
            return number

    def close_pr(self, number: int, *, merged: bool = False) -> None:
        """Close (or merge) a pull request: GitHub then reports state "closed", and merged when merged."""
        with self._lock:
            self.prs[number].state, self.prs[number].merged = "closed", merged

    def head_sha(self, number: int) -> str:
        pr = self.prs[number]
        sha = pr.fixed_head or self.git.resolve(f"refs/heads/{pr.head_ref}")
        assert sha, f"branch {pr.head_ref!r} has no commits"
        return sha

    def add_comment(
        self, number: int, user: str, body: str, *, path: str | None = None, user_type: str = "User"
    ) -> int:
        """A comment by someone else: a PR comment, or a review comment on `path` when given."""
        with self._lock:
            comment_id = next(self._ids)
            comment: dict[str, Any] = {"id": comment_id, "body": body, "user": _user(user, user_type)}
            if path is None:
                self.issue_comments.setdefault(number, []).append(comment)
            else:
                comment.update(path=path, line=1, commit_id=self.head_sha(number))
                self.review_comments.setdefault(number, []).append(comment)
            return comment_id

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        headers: Mapping[str, str] | None = None,
        message: str = "",
    ) -> None:
        """Answer the next `times` requests matching `method` and the `path` regex with `status`, unprocessed."""
        default = {403: "Resource not accessible by integration", 429: "API rate limit exceeded"}
        message = message or default.get(status, "Server Error")
        self._rules.append(_Rule(method, re.compile(path), times, None, status, dict(headers or {}), message))

    def clear_faults(self) -> None:
        """Forget every fault and hook still pending: GitHub works again."""
        with self._lock:
            self._rules.clear()

    def before(self, method: str, path: str, action: Callable[[], object], *, times: int = 1) -> None:
        """Run `action` before handling the next `times` requests matching `method` and the `path` regex."""
        self._rules.append(_Rule(method, re.compile(path), times, action))

    # --- events (octokit fixture shapes, rewritten to point here) --------------------------------------
    def pull_request_event(self, number: int, action: str = "opened") -> dict[str, Any]:
        event = self._fixture("pull_request.opened.json")
        event.update(
            action=action, number=number, pull_request=self.pr_json(number), sender=_user(self.prs[number].user)
        )
        return event

    def comment_event(self, number: int, comment_id: int) -> dict[str, Any]:
        """The issue_comment or pull_request_review_comment event of a comment made with add_comment."""
        review = next((c for c in self.review_comments.get(number, []) if c["id"] == comment_id), None)
        if review is not None:
            event = self._fixture("pull_request_review_comment.created.json")
            event["pull_request"] = self.pr_json(number)
            event["comment"].update(copy.deepcopy(review))
        else:
            event = self._fixture("issue_comment.created.json")
            comment = next(c for c in self.issue_comments[number] if c["id"] == comment_id)
            event["issue"].update(number=number, pull_request={"url": f"{self.repo_url}/pulls/{number}"})
            event["comment"].update(copy.deepcopy(comment))
        event["sender"] = copy.deepcopy(event["comment"]["user"])
        return event

    def pr_json(self, number: int) -> dict[str, Any]:
        pr = self.prs[number]
        data = self._fixture("pull_request.opened.json")["pull_request"]
        repo = self._repo_json()
        head_repo = copy.deepcopy(repo)
        if pr.head_owner:
            head_repo.update(full_name=f"{pr.head_owner}/{self.name}", owner=_user(pr.head_owner), fork=True)
        data.update(number=number, url=f"{self.repo_url}/pulls/{number}", issue_url=f"{self.repo_url}/issues/{number}")
        data.update(state=pr.state, merged=pr.merged, user=_user(pr.user))
        data["head"].update(
            ref=pr.head_ref, sha=self.head_sha(number), repo=head_repo, label=f"{pr.head_owner}:{pr.head_ref}"
        )
        base_sha = self.git.resolve(f"refs/heads/{pr.base_ref}")
        data["base"].update(ref=pr.base_ref, sha=base_sha, repo=repo)
        return dict(data)

    def _repo_json(self) -> dict[str, Any]:
        repo: dict[str, Any] = self._fixture("pull_request.opened.json")["repository"]
        repo.update(default_branch=self.default_branch, owner=_user(self.owner))
        return repo

    def _fixture(self, name: str) -> dict[str, Any]:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        text = text.replace("https://api.github.com", self.base_url).replace("Codertocat/Hello-World", self.full_name)
        data: dict[str, Any] = json.loads(text.replace('"Hello-World"', json.dumps(self.name)))
        return data

    # --- HTTP handling ---------------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            self.requests.append((method, path))
            for rule in list(self._rules):
                if rule.method == method and rule.pattern.search(path):
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
                    if rule.action is None:
                        return rule.status, {"message": rule.body}, rule.headers
                    rule.action()
            prefix = f"/repos/{self.full_name}"
            if path == prefix:
                return 200, self._repo_json(), {}
            if not path.startswith(prefix + "/"):
                raise HttpError(404, "Not Found")
            return _route(self, method, path[len(prefix) :], query, body)


def _user(login: str, kind: str = "User") -> dict[str, Any]:
    if login == BOT["login"]:
        return dict(BOT)
    return {"login": login, "id": abs(hash(login)) % 10**8, "type": kind, "site_admin": False}


def _handler_for(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            auth = self.headers.get("Authorization", "")
            fake.auth_headers.add(auth)
            try:
                if auth not in (f"token {fake.token}", f"Bearer {fake.token}"):
                    raise HttpError(401, "Bad credentials")
                status, payload, headers = fake.handle(
                    self.command, unquote(parts.path), parse_qs(parts.query), json.loads(raw) if raw else None
                )
            except HttpError as error:
                status, payload, headers = error.status, {"message": error.message}, error.headers
            except Exception as error:  # a bug in the fake: answer 500 and keep it for the test to see
                fake.crashes.append(traceback.format_exc())
                status, payload, headers = 500, {"message": f"fake crashed: {error!r}"}, {}
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


# --- routes: (method, path regex under /repos/{owner}/{repo}) → handler(fake, match, query, body) ---------
RouteFn = Callable[[FakeGitHub, re.Match[str], dict[str, list[str]], Any], tuple[int, Any]]
_ROUTES: list[tuple[str, re.Pattern[str], RouteFn]] = []


def _on(method: str, pattern: str) -> Callable[[RouteFn], RouteFn]:
    def register(fn: RouteFn) -> RouteFn:
        _ROUTES.append((method, re.compile(f"^{pattern}$"), fn))
        return fn

    return register


def _route(
    fake: FakeGitHub, method: str, path: str, query: dict[str, list[str]], body: Any
) -> tuple[int, Any, dict[str, str]]:
    for verb, pattern, handler in _ROUTES:
        match = pattern.match(path)
        if verb == method and match:
            status, payload = handler(fake, match, query, body)
            if isinstance(payload, list):
                return _paginate(fake, path, query, payload, status)
            return status, payload, {}
    raise HttpError(404, "Not Found")


def _paginate(
    fake: FakeGitHub, path: str, query: dict[str, list[str]], items: list[Any], status: int
) -> tuple[int, Any, dict[str, str]]:
    per_page = int(query.get("per_page", ["30"])[0])
    page = int(query.get("page", ["1"])[0])
    last = max(1, -(-len(items) // per_page))
    headers = {}
    if page < last:
        url = f"{fake.repo_url}{path}?per_page={per_page}"
        headers["Link"] = f'<{url}&page={page + 1}>; rel="next", <{url}&page={last}>; rel="last"'
    return status, items[(page - 1) * per_page : page * per_page], headers


def _pr(fake: FakeGitHub, number: str) -> FakePR:
    if int(number) not in fake.prs:
        raise HttpError(404, "Not Found")
    return fake.prs[int(number)]


def _commit_json(fake: FakeGitHub, sha: str) -> dict[str, Any]:
    info = fake.git.commit_info(sha)
    person = {"name": "fake", "email": "fake@example.invalid", "date": "2024-01-01T00:00:00Z"}
    return {
        "sha": sha,
        "url": f"{fake.repo_url}/git/commits/{sha}",
        "tree": {"sha": info["tree"], "url": f"{fake.repo_url}/git/trees/{info['tree']}"},
        "parents": [{"sha": p, "url": f"{fake.repo_url}/git/commits/{p}"} for p in info["parents"]],
        "message": info["message"],
        "author": person,
        "committer": person,
    }


def _tree_json(fake: FakeGitHub, sha: str) -> dict[str, Any]:
    entries = [
        {"path": name, "mode": mode, "type": kind, "sha": obj, "url": f"{fake.repo_url}/git/{kind}s/{obj}"}
        | ({"size": int(size)} if size != "-" else {})
        for mode, kind, obj, size, name in fake.git.ls_tree(sha)
    ]
    return {"sha": sha, "url": f"{fake.repo_url}/git/trees/{sha}", "tree": entries, "truncated": False}


@_on("GET", r"/pulls/(\d+)")
def _get_pull(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    return 200, fake.pr_json(_pr(fake, m.group(1)).number)


@_on("GET", r"/pulls/(\d+)/files")
def _pull_files(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    pr = _pr(fake, m.group(1))
    files = fake.git.changes(f"refs/heads/{pr.base_ref}", fake.head_sha(pr.number))
    return 200, [*files, *copy.deepcopy(pr.extra_files)]


@_on("GET", r"/git/commits/([0-9a-f]{40})")
def _get_git_commit(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    return 200, _commit_json(fake, m.group(1))


@_on("GET", r"/commits/([0-9a-f]{40})")
def _get_commit(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    git_commit = _commit_json(fake, m.group(1))
    return 200, {"sha": m.group(1), "url": f"{fake.repo_url}/commits/{m.group(1)}", "commit": git_commit}


@_on("GET", r"/git/trees/([0-9a-f]{40})")
def _get_tree(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    return 200, _tree_json(fake, m.group(1))


@_on("GET", r"/git/blobs/([0-9a-f]{40})")
def _get_blob(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    data = fake.git.git("cat-file", "blob", m.group(1))
    encoded = base64.encodebytes(data).decode("ascii")  # GitHub wraps base64 at 60-76 columns too
    return 200, {"sha": m.group(1), "size": len(data), "content": encoded, "encoding": "base64"}


@_on("GET", r"/git/ref/heads/(.+)")
def _get_ref(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    sha = fake.git.resolve(f"refs/heads/{m.group(1)}")
    if sha is None:
        raise HttpError(404, "Not Found")
    url = f"{fake.repo_url}/git/refs/heads/{m.group(1)}"
    return 200, {"ref": f"refs/heads/{m.group(1)}", "url": url, "object": {"sha": sha, "type": "commit"}}


@_on("PATCH", r"/git/refs/heads/(.+)")
def _update_ref(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    ref, new = f"refs/heads/{m.group(1)}", body["sha"]
    old = fake.git.resolve(ref)
    if old is None:
        raise HttpError(422, "Reference does not exist")
    forced = bool(body.get("force"))
    if not forced and old not in fake.git.git("rev-list", new).decode().split():
        raise HttpError(422, "Update is not a fast forward")
    if not fake.git.update_ref(ref, new, old):
        raise HttpError(422, "Reference cannot be updated")
    return _get_ref(fake, m, q, None)


@_on("POST", r"/git/blobs")
def _create_blob(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    raw = body["content"]
    data = base64.b64decode(raw) if body.get("encoding") == "base64" else raw.encode()
    sha = fake.git.hash_blob(data)
    return 201, {"sha": sha, "url": f"{fake.repo_url}/git/blobs/{sha}"}


@_on("POST", r"/git/trees")
def _create_tree(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    changes: dict[str, tuple[str, str] | None] = {}
    for entry in body["tree"]:
        if "content" in entry:
            changes[entry["path"]] = (entry["mode"], fake.git.hash_blob(entry["content"].encode()))
        else:
            changes[entry["path"]] = None if entry.get("sha") is None else (entry["mode"], entry["sha"])
    sha = fake.git.write_tree(body.get("base_tree"), changes)
    return 201, _tree_json(fake, sha)


@_on("POST", r"/git/commits")
def _create_commit(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    sha = fake.git.commit_tree(body["tree"], list(body.get("parents", [])), body["message"])
    return 201, _commit_json(fake, sha)


@_on("GET", r"/collaborators/([^/]+)/permission")
def _permission(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    permission = fake.permissions.get(m.group(1), "read")
    role = {"admin": "admin", "maintain": "maintain", "write": "write", "triage": "triage"}.get(permission, "read")
    legacy = {"maintain": "write", "triage": "read"}.get(permission, permission)
    return 200, {"permission": legacy, "role_name": role, "user": _user(m.group(1))}


@_on("GET", r"/pulls/(\d+)/reviews")
def _list_reviews(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    return 200, copy.deepcopy(fake.reviews.get(_pr(fake, m.group(1)).number, []))


@_on("POST", r"/pulls/(\d+)/reviews")
def _create_review(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    pr = _pr(fake, m.group(1))
    commit = body.get("commit_id") or fake.head_sha(pr.number)
    files = {f["filename"]: f for f in fake.git.changes(f"refs/heads/{pr.base_ref}", commit)}
    comments = []
    for comment in body.get("comments", []):
        diff = files.get(comment["path"])
        if diff is None or comment.get("line") not in right_lines(diff.get("patch")):
            raise HttpError(422, f"Unprocessable Entity: Line could not be resolved ({comment['path']})")
        comments.append({"id": next(fake._ids), "user": dict(BOT), "commit_id": commit, **comment})
    review_id = next(fake._ids)
    url = f"{fake.repo_url}/pulls/{pr.number}"
    review = {"id": review_id, "user": dict(BOT), "body": body.get("body", ""), "state": "COMMENTED"}
    review.update(commit_id=commit, pull_request_url=url)
    fake.reviews.setdefault(pr.number, []).append(review)
    fake.review_comments.setdefault(pr.number, []).extend({**c, "pull_request_review_id": review_id} for c in comments)
    return 200, review


@_on("GET", r"/pulls/(\d+)/reviews/(\d+)")
def _get_review(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    found = [r for r in fake.reviews.get(_pr(fake, m.group(1)).number, []) if r["id"] == int(m.group(2))]
    if not found:
        raise HttpError(404, "Not Found")
    return 200, {**found[0], "pull_request_url": f"{fake.repo_url}/pulls/{m.group(1)}"}


@_on("PUT", r"/pulls/(\d+)/reviews/(\d+)")
def _edit_review(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    _get_review(fake, m, q, None)
    review = next(r for r in fake.reviews[int(m.group(1))] if r["id"] == int(m.group(2)))
    review["body"] = body["body"]
    review.setdefault("edits", 0)
    review["edits"] += 1
    return 200, review


@_on("POST", r"/issues/(\d+)/comments")
def _create_comment(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    comment = {"id": next(fake._ids), "body": body["body"], "user": dict(BOT)}
    fake.issue_comments.setdefault(_pr(fake, m.group(1)).number, []).append(comment)
    return 201, comment


@_on("POST", r"/pulls/(\d+)/comments/(\d+)/replies")
def _reply(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    comment = {"id": next(fake._ids), "body": body["body"], "user": dict(BOT), "in_reply_to_id": int(m.group(2))}
    fake.review_comments.setdefault(_pr(fake, m.group(1)).number, []).append(comment)
    return 201, comment


@_on("GET", r"/(issues|pulls)/comments/(\d+)")
def _get_comment(fake: FakeGitHub, m: re.Match[str], q: Any, b: Any) -> tuple[int, Any]:
    pool = fake.issue_comments if m.group(1) == "issues" else fake.review_comments
    found = [c for comments in pool.values() for c in comments if c["id"] == int(m.group(2))]
    if not found:
        raise HttpError(404, "Not Found")
    return 200, {**found[0], "url": f"{fake.repo_url}/{m.group(1)}/comments/{m.group(2)}"}


@_on("POST", r"/(issues|pulls)/comments/(\d+)/reactions")
def _react(fake: FakeGitHub, m: re.Match[str], q: Any, body: Any) -> tuple[int, Any]:
    kind = "issue" if m.group(1) == "issues" else "review"
    pool = fake.issue_comments if kind == "issue" else fake.review_comments
    if not any(c["id"] == int(m.group(2)) for comments in pool.values() for c in comments):
        raise HttpError(404, "Not Found")
    fake.reactions.append((kind, int(m.group(2)), body["content"]))
    return 201, {"id": next(fake._ids), "content": body["content"], "user": dict(BOT)}
