"""One run over a pull request: read every request, generate the ones that need work, check features, publish."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.github.features import FRESH, check_features, feature_key
from bot.github.git_data import TreeReader
from bot.github.guards import id_clashes, reject_unsafe
from bot.github.publish import Task, publish
from bot.github.review import Outcome, Row, annotation, over_limit, read_state
from bot.github.safety import Candidate, entry_problem, request_path_problem
from bot.inputs.intake import ControlRequest, parse_request
from bot.inputs.provenance import is_up_to_date, read_provenance

if TYPE_CHECKING:
    from bot.github.action import Run


@dataclass(frozen=True)
class Work:
    """A request read at the head commit: where it came from, what it says, and the feature it has now."""

    candidate: Candidate
    request: ControlRequest
    current: str | None

    @property
    def up_to_date(self) -> bool:
        return self.current is not None and is_up_to_date(self.current, self.request.sha256)


def process(run: Run, task: Task) -> int:
    """Read, skip what is up to date, generate the rest (at most max_requests), check features, publish.

    Returns 1 when a request or feature is rejected or failed, or when requests remain for a later run.
    """
    summary = find_summary(run, task.pr.number)
    earlier = read_state(summary[1]) if summary else {}
    reader = TreeReader(run.github, task.head_sha)
    outcomes, usable, still_rejected = read_requests(run, reader, task, earlier)
    outcomes += [_up_to_date(w) for w in usable if w.up_to_date and not task.force]
    work = sorted((w for w in usable if task.force or not w.up_to_date), key=lambda w: _priority(w, earlier))
    limit = run.settings.max_requests
    waiting = [over_limit(w.candidate.path, w.candidate.blob, limit) for w in work[limit:]]
    notices: list[str] = [_waiting_notice(len(waiting), limit)] if waiting else []
    for notice in notices:
        run.log(f"controlbot: {notice}")
    generated = generate(run, task.pr.is_fork, work[:limit], task.feedback, notices) if work[:limit] else []
    outcomes += reject_unsafe(generated, run.secrets) + waiting
    found, stale = changed_features(run, reader, task, outcomes, usable, earlier)
    outcomes += found
    for path in [*still_rejected, *stale]:
        run.log(annotation(path, f"{path} is still rejected, unchanged since controlbot's review said why"))
    publish(run, task, outcomes, notices, summary)
    failed = any(o.status in ("rejected", "failed", "not run") for o in outcomes)
    return 1 if still_rejected or stale or failed else 0


def read_requests(
    run: Run, reader: TreeReader, task: Task, earlier: Mapping[str, Row]
) -> tuple[list[Outcome], list[Work], list[str]]:
    """The rejections, the usable requests (unique control ids), and the paths still rejected as before."""
    outcomes: list[Outcome] = []
    parsed: list[Work] = []
    still_rejected = []
    for candidate in task.candidates:
        if _still_rejected(earlier, candidate.path, candidate.blob, task.force):
            still_rejected.append(candidate.path)  # reported before, unchanged since: not posted again
            continue
        item = read_candidate(run, reader, candidate)
        if isinstance(item, Outcome):
            outcomes.append(item)
        else:
            parsed.append(item)
    clashes = id_clashes([(w.candidate.path, w.request.id) for w in parsed], run.action.workspace)
    # no blob on a clash: it depends on other files, so it is looked at again on every run
    outcomes += [_rejected(w, clashes[w.candidate.path]) for w in parsed if w.candidate.path in clashes]
    return outcomes, [w for w in parsed if w.candidate.path not in clashes], still_rejected


def changed_features(
    run: Run, reader: TreeReader, task: Task, outcomes: Sequence[Outcome], usable: Sequence[Work],
    earlier: Mapping[str, Row],
) -> tuple[list[Outcome], list[str]]:  # fmt: skip
    """Rejections of the changed features this run did not write, and those still rejected as before."""
    requests = {w.request.feature_path: w.request for w in usable}
    fresh = {o.feature_path for o in outcomes if o.status in FRESH}
    features = [f for f in task.features if f.path not in fresh]
    keys = {f.path: feature_key(f, requests.get(f.path)) for f in features}
    stale = [f.path for f in features if _still_rejected(earlier, f.path, keys[f.path], task.force)]
    return check_features(run, reader, [f for f in features if f.path not in stale], requests), stale


def _still_rejected(earlier: Mapping[str, Row], path: str, blob: str, force: bool) -> bool:
    row = earlier.get(path)
    return not force and bool(blob) and row is not None and row.status == "rejected" and row.blob == blob


def _priority(work: Work, earlier: Mapping[str, Row]) -> tuple[bool, bool, str]:
    """New work first, then requests that failed before unchanged, then (forced) up-to-date ones."""
    row = earlier.get(work.candidate.path)
    failed_before = row is not None and row.status == "failed" and row.blob == work.candidate.blob
    return work.up_to_date, failed_before, work.candidate.path


def _waiting_notice(count: int, limit: int) -> str:
    return (
        f"{count} request(s) still need work: a run handles at most {limit} (setting max_requests). "
        "Push to the branch or comment `/controlbot regenerate` to run the next ones; until then this check fails."
    )


def _up_to_date(work: Work) -> Outcome:
    """A feature already in place; its confidence line (removed by a reviewer who accepts a draft) says how sure."""
    from bot.generation.confidence import read_header

    provider = read_provenance(work.current or "").get("provider", "")
    path, blob = work.candidate.path, work.candidate.blob
    score, level, draft = read_header(work.current or "") or (None, "", False)
    return Outcome(
        path, "up to date", blob, work.request.id, provider=provider, feature_path=work.request.feature_path,
        confidence=score, level=level, draft=draft,
    )  # fmt: skip


def _rejected(work: Work, message: str) -> Outcome:
    return Outcome(work.candidate.path, "rejected", "", work.request.id, errors=(message,))


def find_summary(run: Run, number: int) -> tuple[int, str] | None:
    """(id, body) of this bot's earlier summary: its own review carrying the hidden marker."""
    from bot.github.review import SUMMARY_MARKER

    for review in run.github.reviews(number):
        if review.user_type == "Bot" and review.user_login == run.action.bot_login and SUMMARY_MARKER in review.body:
            return review.id, review.body
    return None


def read_candidate(run: Run, reader: TreeReader, candidate: Candidate) -> Outcome | Work:
    """The parsed request and its current feature, or the rejection of a request that cannot be used.

    Any exception here (a YAML parser's ValueError, a GitHub fault) rejects this request alone.
    """
    try:
        return _read(run, reader, candidate)
    except Exception as error:  # the per-request boundary: one message on this file, the others go on
        message = f"{candidate.path}: cannot be read: {type(error).__name__}: {error}"
        return Outcome(candidate.path, "rejected", "", errors=(message,))  # no blob: a fault is tried again


def _read(run: Run, reader: TreeReader, candidate: Candidate) -> Outcome | Work:
    from bot.inputs.errors import RequestError

    bad_path = request_path_problem(candidate.path)
    entry = None if bad_path else reader.entry(candidate.path)
    problem = bad_path or entry_problem(candidate.path, entry.mode if entry else None, entry.kind if entry else None)
    if problem or entry is None:
        return Outcome(candidate.path, "rejected", candidate.blob, errors=(problem or candidate.path,))
    try:
        request = parse_request(run.github.blob(entry.sha), candidate.path)
    except RequestError as error:
        return Outcome(candidate.path, "rejected", candidate.blob, errors=(str(error),))
    feature = reader.entry(request.feature_path)
    current = None
    if feature is not None and entry_problem(request.feature_path, feature.mode, feature.kind) is None:
        current = run.github.blob(feature.sha).decode("utf-8", errors="replace")
    return Work(candidate, request, current)


def generate(run: Run, fork: bool, work: Sequence[Work], feedback: str, notices: list[str]) -> list[Outcome]:
    """Generate every request concurrently; a failure to set up fails each request, never the run."""
    from bot.github.generate import generate_all

    try:
        return generate_all(run, fork, work, feedback, notices)
    except Exception as error:  # the model or corpus could not be set up: every request says why
        message = f"generation could not start: {type(error).__name__}: {error}"
        return [failed_outcome(w, message) for w in work]


def failed_outcome(work: Work, reason: str) -> Outcome:
    message = f"{work.candidate.path}: {reason}"
    return Outcome(work.candidate.path, "failed", work.candidate.blob, work.request.id, errors=(message,))


def same_as_current(outcome: Outcome, work: Work) -> Outcome:
    if outcome.feature_text is not None and outcome.feature_text == work.current:
        return replace(outcome, status="unchanged", feature_text=None)
    return outcome
