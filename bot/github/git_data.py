"""Git data through the GitHub Protocol: reading paths of a commit's tree, pushing files as one commit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.github.api import BranchKeptMoving, GitHub, TreeEntry

PUSH_ATTEMPTS = 3


@dataclass
class TreeReader:
    """Reads paths of one commit through the Git Data API, keeping each directory listing it fetched."""

    github: GitHub
    commit_sha: str
    _root_sha: str | None = None
    _listings: dict[str, list[TreeEntry]] = field(default_factory=dict)

    def entry(self, path: str) -> TreeEntry | None:
        """The tree entry at `path` (mode and kind tell a symlink from a file), or None when absent."""
        if self._root_sha is None:
            self._root_sha = self.github.commit_tree(self.commit_sha)
        listing = self._listing(self._root_sha)
        parts = path.split("/")
        for depth, part in enumerate(parts):
            found = next((item for item in listing if item.name == part), None)
            if found is None or depth == len(parts) - 1:
                return found
            if found.kind != "tree":
                return None
            listing = self._listing(found.sha)
        return None

    def _listing(self, tree_sha: str) -> list[TreeEntry]:
        if tree_sha not in self._listings:
            self._listings[tree_sha] = self.github.tree(tree_sha)
        return self._listings[tree_sha]


@dataclass(frozen=True)
class PushResult:
    commit_sha: str
    parent_sha: str
    attempts: int


def push_files(
    github: GitHub, branch: str, files: Mapping[str, bytes], message: str, *, attempts: int = PUSH_ATTEMPTS
) -> PushResult:
    """One commit with `files` on top of `branch` (blobs → tree → commit → ref, never forced).

    When the branch moves between reading its head and updating it, the commit is rebuilt on the new
    head, at most `attempts` times in all.
    """
    blobs = {path: github.create_blob(data) for path, data in sorted(files.items())}
    for attempt in range(1, attempts + 1):
        parent = github.branch_head(branch)
        tree = github.create_tree(github.commit_tree(parent), blobs)
        commit = github.create_commit(message, tree, parent)
        if github.update_branch(branch, commit):
            return PushResult(commit_sha=commit, parent_sha=parent, attempts=attempt)
    raise BranchKeptMoving(f"branch {branch!r} moved during each of {attempts} attempts to push; gave up")
