"""Refusals before anything is committed: control ids used twice, features carrying a secret or hidden text."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from bot.github.review import Outcome
from bot.github.safety import CONTROLS_DIR, FEATURE_SUFFIX, REQUEST_SUFFIX
from bot.inputs.safe_text import escape

# C0 controls but tab and newline, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates
_HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def existing_controls(workspace: Path) -> dict[str, set[str]]:
    """Control id → the request paths (`controls/…/<id>.yaml`) of the default branch's controls."""
    found: dict[str, set[str]] = defaultdict(set)
    root = workspace / CONTROLS_DIR
    for folder, _, names in os.walk(root):  # os.walk does not follow symlinked folders
        for name in names:
            stem, suffix = os.path.splitext(name)
            if suffix in (REQUEST_SUFFIX, FEATURE_SUFFIX):
                relative = PurePosixPath(Path(folder, stem + REQUEST_SUFFIX).relative_to(workspace).as_posix())
                found[stem].add(str(relative))
    return found


def id_clashes(requests: Sequence[tuple[str, str]], workspace: Path) -> dict[str, str]:
    """Request path → why it is refused, for every control id that two requests (or an existing control) share."""
    by_id: dict[str, list[str]] = defaultdict(list)
    for path, control in requests:
        by_id[control].append(path)
    existing = existing_controls(workspace)
    clashes: dict[str, str] = {}
    for control, paths in by_id.items():
        others = sorted((existing.get(control, set()) - set(paths)) | (set(paths) if len(paths) > 1 else set()))
        for path in paths:
            rivals = [other for other in others if other != path]
            if rivals:
                clashes[path] = (
                    f"{path}: control id {control!r} is also used by {', '.join(rivals)}; a control id must be unique "
                    "across services: rename one of the files"
                )
    return clashes


def reject_unsafe(outcomes: Iterable[Outcome], secrets: Sequence[str]) -> list[Outcome]:
    """The outcomes, with every generated feature holding a secret of the run or hidden characters refused."""
    return [_without_hidden(_without_secret(outcome, secrets)) for outcome in outcomes]


def _without_hidden(outcome: Outcome) -> Outcome:
    text = outcome.feature_text
    found = _HIDDEN.search(text) if text is not None else None
    if text is None or found is None:
        return outcome
    line = text.count("\n", 0, found.start()) + 1
    message = (
        f"{outcome.path}: the generated feature has the control or bidi character {escape(found.group())} "
        f"on line {line}; such characters hide or reorder text, so it was not committed"
    )
    return replace(outcome, status="rejected", feature_text=None, errors=(*outcome.errors, message))


def _without_secret(outcome: Outcome, secrets: Sequence[str]) -> Outcome:
    text = outcome.feature_text
    if text is None or not any(secret in text for secret in secrets):
        return outcome
    message = (
        f"{outcome.path}: the generated feature contains a secret of this run (a token or API key); "
        "it was not committed. Check the request and the model's endpoint for an echo of credentials."
    )
    return replace(outcome, status="rejected", feature_text=None, errors=(*outcome.errors, message), steps=())
