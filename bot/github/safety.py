"""Path rules: which PR files the Action reads as requests and which feature files it may ever write."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from posixpath import splitext

from bot.github.api import ChangedFile
from bot.inputs.errors import ControlbotError

CONTROLS_DIR = "controls"
REQUEST_SUFFIX = ".yaml"
FEATURE_SUFFIX = ".feature"
REGULAR_FILE_MODES = frozenset({"100644", "100755"})
SYMLINK_MODE = "120000"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class UnsafePathError(ControlbotError):
    """A path the Action refuses to write; str() names the path and the rule."""


@dataclass(frozen=True)
class Candidate:
    """A file of the pull request that looks like a control request (not yet checked)."""

    path: str
    blob: str  # its git blob at the head commit, as GitHub lists it
    patch: str | None  # its diff hunk, where review comments can be placed


def request_candidates(files: Iterable[ChangedFile]) -> list[Candidate]:
    """The changed files that look like requests (removed ones dropped), sorted by path."""
    found = [Candidate(f.path, f.sha, f.patch) for f in files if f.status != "removed" and looks_like_request(f.path)]
    return sorted(found, key=lambda c: c.path)


def looks_like_request(path: str) -> bool:
    """A changed PR file the user meant as a control request (safe or not): a YAML file under controls/."""
    head = path.lstrip("/\\")
    return head.startswith((f"{CONTROLS_DIR}/", f"{CONTROLS_DIR}\\")) and path.lower().endswith((".yaml", ".yml"))


def request_path_problem(path: str) -> str | None:
    """Why `path` cannot be a request file, or None: `controls/**/<id>.yaml`, relative, no `..`, plain names."""
    if path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        return f"{path}: absolute paths are not allowed; requests live at controls/<service>/<id>.yaml"
    if "\\" in path or any(ord(ch) < 32 for ch in path):
        return f"{path}: backslashes and control characters are not allowed in request paths"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return f"{path}: empty, '.' and '..' path parts are not allowed; requests live at controls/<service>/<id>.yaml"
    if parts[0] != CONTROLS_DIR or len(parts) < 2:
        return f"{path}: requests must be under {CONTROLS_DIR}/ (controls/<service>/<id>.yaml)"
    stem, suffix = splitext(parts[-1])
    if suffix != REQUEST_SUFFIX:
        return f"{path}: request files must end in {REQUEST_SUFFIX} (found {suffix or 'no extension'!r})"
    bad = [part for part in [*parts[1:-1], stem] if not _NAME.fullmatch(part)]
    if bad:
        return f"{path}: path part {bad[0]!r} may only use letters, digits, '.', '_' and '-'"
    return None


def entry_problem(path: str, mode: str | None, kind: str | None) -> str | None:
    """Why the git tree entry at `path` cannot be read as a request, or None for a regular file."""
    if mode is None:
        return f"{path}: not found at the pull request's head commit"
    if mode == SYMLINK_MODE or kind == "symlink":
        return f"{path}: symbolic links are not accepted as requests; commit the YAML file itself"
    if kind != "blob" or mode not in REGULAR_FILE_MODES:
        return f"{path}: not a regular file (git mode {mode}); requests must be plain YAML files"
    return None


def feature_path_for(request_path: str) -> str:
    """The sibling `.feature` of a (safe) request path."""
    return request_path[: -len(REQUEST_SUFFIX)] + FEATURE_SUFFIX


def request_path_for(path: str) -> str | None:
    """The request a request or feature path belongs to (a review comment's file), else None."""
    if path.endswith(FEATURE_SUFFIX):
        path = path[: -len(FEATURE_SUFFIX)] + REQUEST_SUFFIX
    return path if request_path_problem(path) is None else None


def check_writes(paths: Iterable[str], request_paths: Collection[str]) -> None:
    """Raise UnsafePathError unless every path is the `.feature` next to one of the given safe requests."""
    allowed = {feature_path_for(p) for p in request_paths if request_path_problem(p) is None}
    for path in paths:
        if path not in allowed:
            raise UnsafePathError(
                f"{path}: refusing to write; only controls/**/<id>.feature next to a request of this pull "
                "request may be written"
            )
