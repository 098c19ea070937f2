"""Every changed `controls/**/*.feature` of a pull request, checked at the head commit whoever wrote it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from bot.github.api import ChangedFile
from bot.github.git_data import TreeReader
from bot.github.review import Outcome
from bot.github.safety import CONTROLS_DIR, FEATURE_SUFFIX, Candidate, entry_problem
from bot.inputs.intake import ControlRequest

if TYPE_CHECKING:
    from bot.github.action import Run

FRESH = frozenset({"generated", "unchanged"})  # written and checked by this run's pipeline


def feature_candidates(files: Iterable[ChangedFile]) -> list[Candidate]:
    """The changed (not removed) `.feature` files under controls/, sorted by path."""
    found = [
        Candidate(f.path, f.sha, f.patch)
        for f in files
        if f.status != "removed" and f.path.startswith(f"{CONTROLS_DIR}/") and f.path.endswith(FEATURE_SUFFIX)
    ]
    return sorted(found, key=lambda c: c.path)


def feature_key(candidate: Candidate, request: ControlRequest | None) -> str:
    """What a feature's verdict depends on: its blob, and its sibling request (the tags are checked against it)."""
    return f"{candidate.blob}+{request.sha256[:16]}" if request else candidate.blob


def check_features(
    run: Run, reader: TreeReader, features: Sequence[Candidate], requests: Mapping[str, ControlRequest]
) -> list[Outcome]:
    """A rejection for each feature with errors, checked against its sibling request when the PR has one."""
    found = [check_one(run, reader, candidate, requests.get(candidate.path)) for candidate in features]
    rejected = [outcome for outcome in found if outcome is not None]
    if features:
        run.log(f"controlbot: checked {len(features)} changed feature file(s); {len(rejected)} with errors")
    return rejected


def check_one(run: Run, reader: TreeReader, candidate: Candidate, request: ControlRequest | None) -> Outcome | None:
    """The rejection of one feature (its errors, or why it cannot be read), or None when it passes."""
    from bot.language.checker import check_feature

    path, blob = candidate.path, feature_key(candidate, request)
    try:
        entry = reader.entry(path)
        problem = entry_problem(path, entry.mode if entry else None, entry.kind if entry else None)
        if problem or entry is None:
            return Outcome(path, "rejected", blob, errors=(problem or path,))
        text = run.github.blob(entry.sha).decode("utf-8")
        control, service = (request.id, request.service) if request else (None, None)
        errors = [str(p) for p in check_feature(text, path, control, service) if p.severity == "error"]
    except Exception as error:  # the per-file boundary: this feature is refused, the others are still checked
        return Outcome(path, "rejected", "", errors=(f"{path}: cannot be checked: {type(error).__name__}: {error}",))
    return Outcome(path, "rejected", blob, control or "", errors=tuple(errors)) if errors else None
