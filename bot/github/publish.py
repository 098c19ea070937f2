"""Publishing a run: one commit of the new features, one review, the edited summary, the job summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.github.api import FileComment, GitHubError, PullRequest
from bot.github.escape import code_span, workflow_command
from bot.github.git_data import push_files
from bot.github.review import (
    Outcome,
    Row,
    RunInfo,
    error_annotations,
    file_body,
    first_commentable_line,
    fit,
    job_summary,
    merge_rows,
    read_state,
    row_of,
    short_body,
    summary_body,
    trust_label,
)
from bot.github.safety import Candidate, check_writes, request_path_for

if TYPE_CHECKING:
    from bot.github.action import Run


@dataclass(frozen=True)
class Task:
    """What one run works on: the requests to handle, at which commit, and how."""

    pr: PullRequest
    head_sha: str
    candidates: tuple[Candidate, ...]  # the requests to handle
    all_paths: tuple[str, ...]  # every request and feature of the PR: summary rows of the others are kept
    features: tuple[Candidate, ...] = ()  # the changed controls/**/*.feature files, checked at the head
    force: bool = False
    feedback: str = ""
    actor: str = ""


def publish(
    run: Run, task: Task, outcomes: Sequence[Outcome], notices: list[str], summary: tuple[int, str] | None
) -> None:
    """Commit, review and summarise what the run did; a run with nothing to report posts nothing."""
    if all(o.status == "up to date" for o in outcomes) and (summary is not None or not outcomes):
        run.log("controlbot: nothing to do: every control request is up to date or was already reported")
        return
    if summary is None and any(o.status == "up to date" for o in outcomes):
        # the features are on the branch but no summary says so (its review POST failed): post it now
        notices.append("No earlier controlbot summary was found here; this one lists the features already in place.")
    outcomes, commit_sha = push(run, task, outcomes, notices)
    reportable = [o for o in outcomes if o.status != "up to date"]
    info = RunInfo(commit_sha, task.head_sha, tuple(notices))
    rows = summary_rows(summary, outcomes, task.all_paths)
    write_job_summary(run, job_summary(rows, reportable, info))
    for line in [*error_annotations(reportable), *draft_annotations(reportable)]:
        run.log(line)
    comments, loose = place_comments(reportable, [*task.candidates, *task.features])
    body = summary_body(rows, info) if summary is None else short_body(reportable, info)
    posted = post_review(run, task.pr, commit_sha or task.head_sha, fit("\n\n".join([body, *loose])), comments)
    if posted and summary is not None:
        run.github.edit_review(task.pr.number, summary[0], run.scrub(summary_body(rows, info)))
    run.log(f"controlbot: {len(reportable)} request(s) reported" + (f", committed {commit_sha}" if commit_sha else ""))


def push(run: Run, task: Task, outcomes: Sequence[Outcome], notices: list[str]) -> tuple[list[Outcome], str | None]:
    """One commit with every generated feature on the PR branch; never on a fork's branch."""
    files = {o.feature_path: o.feature_text.encode() for o in outcomes if o.status == "generated" and o.feature_text}
    if not files:
        return list(outcomes), None
    if task.pr.is_fork:
        notices.append("The pull request comes from a fork: nothing was pushed; each feature is in its file's comment.")
        return list(outcomes), None
    check_writes(files, [c.path for c in task.candidates])
    try:
        result = push_files(run.github, task.pr.head_ref, files, commit_message(outcomes, task.actor))
    except GitHubError as error:
        notices.append(f"Could not push to `{task.pr.head_ref}` ({error}); each feature is in its file's comment.")
        return list(outcomes), None
    if result.attempts > 1:
        notices.append(
            f"The branch moved during the run; the commit was rebuilt on its new head ({result.attempts} tries)."
        )
    done = [replace(o, status="committed") if o.feature_path in files else o for o in outcomes]
    return done, result.commit_sha


def _trust(outcome: Outcome, draft: bool = True) -> str:
    label = trust_label(outcome)
    return (", draft" if draft and outcome.draft else "") + (f", {label}" if label else "")


def commit_message(outcomes: Sequence[Outcome], actor: str) -> str:
    written = [o for o in outcomes if o.status == "generated"]
    lines = [f"controlbot: generate {len(written)} control{'s' if len(written) != 1 else ''}", ""]
    lines += [
        f"- {o.feature_path} ({o.checks_passed}/{o.checks_total} checks, {o.provider}{_trust(o)})" for o in written
    ]
    if actor:
        lines += ["", f"Requested by @{actor} with /controlbot regenerate."]
    return "\n".join(lines) + "\n"


def draft_annotations(outcomes: Sequence[Outcome]) -> list[str]:
    """`::warning file=…::` workflow commands on the request of every feature written as a draft."""
    return [
        workflow_command(
            "warning", f"{o.feature_path}: draft{_trust(o, draft=False)}: review before merge", file=o.path
        )
        for o in outcomes
        if o.draft and o.status in ("committed", "generated")
    ]


def summary_rows(summary: tuple[int, str] | None, outcomes: Sequence[Outcome], all_paths: Sequence[str]) -> list[Row]:
    """This run's rows over the earlier summary's; up-to-date requests only fill gaps."""
    reportable = [o for o in outcomes if o.status != "up to date"]
    rows = {row.path: row for row in merge_rows(read_state(summary[1]) if summary else {}, reportable, all_paths)}
    for outcome in outcomes:
        rows.setdefault(outcome.path, row_of(outcome))
    return [rows[path] for path in sorted(rows)]


def place_comments(outcomes: Sequence[Outcome], candidates: Sequence[Candidate]) -> tuple[list[FileComment], list[str]]:
    """A comment on each request file where the diff allows one; the rest as sections of the review body."""
    patches = {c.path: c.patch for c in candidates}
    comments, loose = [], []
    for outcome in outcomes:
        if outcome.status == "not run":
            continue
        body = file_body(outcome)
        line = first_commentable_line(patches.get(outcome.path)) if request_path_for(outcome.path) else None
        if line:
            comments.append(FileComment(outcome.path, line, body))
        else:
            loose.append(f"#### {code_span(outcome.path)}\n\n{body}")
    return comments, loose


def post_review(run: Run, pr: PullRequest, commit: str, body: str, comments: Sequence[FileComment]) -> bool:
    """Post the review; False when a fork's read-only token cannot (the job summary has everything)."""
    clean = [replace(c, body=run.scrub(c.body)) for c in comments]
    attempts: list[Callable[[], int]] = [lambda: run.github.create_review(pr.number, commit, run.scrub(body), clean)]
    if comments:  # when GitHub cannot place a file comment, everything goes into the body
        merged = fit("\n\n".join([body, *(f"#### {code_span(c.path)}\n\n{c.body}" for c in clean)]))
        attempts.append(lambda: run.github.create_review(pr.number, commit, run.scrub(merged), []))
    for index, attempt in enumerate(attempts):
        try:
            attempt()
            return True
        except GitHubError as error:
            if error.status == 422 and index + 1 < len(attempts):
                continue
            if error.status == 403 and pr.is_fork:
                run.log(workflow_command("warning", f"{error}; the run's job summary has the review"))
                return False
            raise
    return False


def write_job_summary(run: Run, markdown: str) -> None:
    path = run.action.step_summary
    if path is not None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(run.scrub(markdown))
