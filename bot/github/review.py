"""Markdown the Action posts: the summary table, per-file reasoning, replies, job summary and annotations."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING

from bot.github.escape import code_span, escape_html, fenced, refenced, table_cell, workflow_command
from bot.inputs.safe_text import escape

if TYPE_CHECKING:
    from bot.generation.pipeline import Generation

SUMMARY_MARKER = "<!-- controlbot:summary -->"
COMMENT_LIMIT = 65_000  # GitHub refuses comment bodies over 65,536 characters
STEP_LIMIT = 12_000
_STATE = re.compile(r"<!-- controlbot:state ([A-Za-z0-9+/=]*) -->")
_ICONS = {"failed": "❌", "rejected": "⛔", "up to date": "⏭️", "unchanged": "⏭️", "not run": "⏸️"}  # see shown_status
WRITTEN = ("committed", "generated", "unchanged", "up to date")  # a feature is on the branch or in the comment
TABLE_REASONS, COMMENT_REASONS, TABLE_REASON_CHARS = 2, 3, 80  # reasons shown per table row, per file comment
LEGEND = (
    "✅ checked, confidence high · 🔎 checked, confidence medium or not rated: review it · "
    "📝 draft: planned offline, low confidence or repaired into shape, review before merge · confidence levels: "
)
HELP = """**controlbot commands** (from users with write access to this repository)

- `/controlbot regenerate` — regenerate every control request of this pull request
- `/controlbot regenerate controls/<service>/<id>.yaml [...]` — only these requests (a `.feature` path works too)
- `/controlbot regenerate -- <feedback>` — pass your feedback (at most 2,000 characters) and the current
  feature to the writer; works with paths too, and in a review comment on a request or feature file,
  where it applies to that file
- `/controlbot help` — this list"""


@dataclass(frozen=True)
class Outcome:
    """What one run did with one request file; `status` is a key of the summary's status column."""

    path: str
    status: str  # committed | generated (not pushed) | unchanged | failed | rejected | up to date | not run
    blob: str = ""  # the request's git blob at the head commit
    control: str = ""
    checks_passed: int = 0
    checks_total: int = 0
    provider: str = ""
    model: str = ""
    errors: tuple[str, ...] = ()
    steps: tuple[tuple[str, str], ...] = ()  # (heading, markdown) of each pipeline step
    feature_path: str = ""
    feature_text: str | None = None
    confidence: float | None = None  # of the generated feature; None when not rated
    level: str = ""  # low | medium | high
    draft: bool = False
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One line of the summary table, kept (base64 JSON) in the summary so re-runs can update it."""

    path: str
    status: str
    blob: str = ""
    control: str = ""
    checks: str = "—"
    provider: str = "—"
    confidence: str = "—"  # "0.42 (low)"
    level: str = ""
    draft: bool = False
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunInfo:
    """Facts about the run shown under the table."""

    commit_sha: str | None = None
    head_sha: str = ""
    notices: tuple[str, ...] = field(default_factory=tuple)


def generated(path: str, blob: str, generation: Generation) -> Outcome:
    """The outcome of one pipeline run: every step's reasoning, the feature when it passed its checks."""
    steps = tuple((f"{n}. {s.name}: {s.summary}", s.markdown) for n, s in enumerate(generation.trace.steps, 1))
    # every step's markdown holds model text: it is re-fenced when rendered, never trusted as markdown
    ok = generation.ok and generation.feature_text is not None
    trust = generation.confidence
    return Outcome(
        path=path, status="generated" if ok else "failed", blob=blob, control=generation.request.id,
        checks_passed=generation.checks_passed, checks_total=generation.checks_total,
        provider=generation.provider, model=generation.model, errors=tuple(generation.errors), steps=steps,
        feature_path=generation.request.feature_path, feature_text=generation.feature_text if ok else None,
        confidence=trust.score if trust else None, level=trust.level if trust else "",
        draft=generation.provider == "offline" or bool(trust and trust.draft), reasons=trust.reasons if trust else (),
    )  # fmt: skip


def row_of(outcome: Outcome) -> Row:
    checks = f"{outcome.checks_passed}/{outcome.checks_total}" if outcome.checks_total else "—"
    provider = f"{outcome.provider} ({outcome.model})" if outcome.model not in ("", "-") else outcome.provider
    confidence = f"{outcome.confidence:.2f} ({outcome.level})" if outcome.confidence is not None else "—"
    return Row(
        outcome.path, outcome.status, outcome.blob, outcome.control, checks, provider or "—",
        confidence, outcome.level, outcome.draft, tuple(_cut(r) for r in outcome.reasons[:TABLE_REASONS]),
    )  # fmt: skip


def _cut(reason: str) -> str:
    """A reason short enough for a table cell: the summary (state included) must fit one comment for 50 rows."""
    return reason if len(reason) <= TABLE_REASON_CHARS else reason[: TABLE_REASON_CHARS - 1] + "…"


def shown_status(status: str, draft: bool, level: str) -> str:
    """The status with its icon: a draft is never shown with ✅, which only a high confidence earns."""
    if draft and status in WRITTEN:
        return f"📝 draft, {status}"
    if status in ("committed", "generated"):
        return f"{'✅' if level == 'high' else '🔎'} {status}"
    return f"{_ICONS.get(status, '')} {status}"


def read_state(body: str) -> dict[str, Row]:
    """The rows an earlier summary recorded (empty when there are none or they cannot be read).

    Rows of older summaries have no confidence: a feature the offline provider wrote is a draft all the same."""
    match = _STATE.search(body)
    if not match:
        return {}
    try:
        rows = json.loads(base64.b64decode(match.group(1)))
        return {row["path"]: _restored(row) for row in rows}
    except (ValueError, TypeError, KeyError, AttributeError, binascii.Error):
        return {}


def _restored(row: dict[str, object]) -> Row:
    known = {key: value for key, value in row.items() if key in _ROW_FIELDS}  # a later version may add keys
    if "draft" not in known:
        known["draft"] = str(known.get("provider", "")).startswith("offline") and known.get("status") in WRITTEN
    known["reasons"] = tuple(map(str, known.get("reasons") or ()))  # type: ignore[call-overload]
    return Row(**known)  # type: ignore[arg-type]


def merge_rows(previous: Mapping[str, Row], outcomes: Iterable[Outcome], keep: Iterable[str]) -> list[Row]:
    """This run's rows over the earlier ones, limited to the paths in `keep` and this run's own paths."""
    rows = {path: row for path, row in previous.items() if path in set(keep)}
    rows.update((o.path, row_of(o)) for o in outcomes)
    return [rows[path] for path in sorted(rows)]


def summary_body(rows: Sequence[Row], info: RunInfo) -> str:
    """The summary (review body): marker, table, run facts, and the hidden state for later edits."""
    lines = [
        SUMMARY_MARKER,
        "## controlbot",
        "",
        "| control | status | checks passed | confidence | provider |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        name = code_span(row.control or row.path)
        status = table_cell(shown_status(row.status, row.draft, row.level))
        trust = table_cell(row.confidence) + "".join(f" · {code_span(r)}" for r in row.reasons[:TABLE_REASONS])
        lines.append(f"| {name} | {status} | {table_cell(row.checks)} | {trust} | {table_cell(row.provider)} |")
    lines.extend(["", LEGEND + _thresholds(), ""])
    if info.commit_sha:
        lines.append(f"Features committed in {escape(info.commit_sha)}.")
    elif info.head_sha:
        lines.append(f"Nothing committed; pull request head {escape(info.head_sha)}.")
    lines.extend(_notices(info.notices))
    lines.append("\nThe reasoning of every step is in the review comments on each request file. " + _help_hint())
    state = base64.b64encode(json.dumps([asdict(row) for row in rows]).encode()).decode()
    lines.append(f"<!-- controlbot:state {state} -->")
    return "\n".join(lines)


def short_body(outcomes: Sequence[Outcome], info: RunInfo) -> str:
    """The body of a later run's review: what changed; the summary above is edited instead of repeated."""
    done = ", ".join(f"{code_span(o.control or o.path)} {_status_and_trust(o)}" for o in outcomes)
    where = f" in {escape(info.commit_sha)}" if info.commit_sha else ""
    notices = "".join(f"\n{line}" for line in _notices(info.notices))
    return f"controlbot{where}: {done}. The summary at the top of this pull request is updated.{notices}"


def file_body(outcome: Outcome) -> str:
    """The comment on one request file: status, errors, each step's reasoning collapsed, an unpushed feature."""
    head = f"**controlbot** · {code_span(outcome.control or outcome.path)} · {_status_and_trust(outcome)}"
    if outcome.checks_total:
        head += f" · {outcome.checks_passed}/{outcome.checks_total} checks passed · {table_cell(outcome.provider)}"
    parts = [head, *_trust_section(outcome)]
    if outcome.status == "committed":
        parts.append(f"Wrote {code_span(outcome.feature_path)}.")
    if outcome.errors:
        parts.append(fenced("\n".join(outcome.errors)))
    for heading, markdown in outcome.steps:
        summary = escape_html(escape(heading))
        parts.append(f"<details><summary>{summary}</summary>\n\n{refenced(markdown, STEP_LIMIT)}\n\n</details>")
    if outcome.status == "generated" and outcome.feature_text:
        parts.append(
            f"Not pushed to the branch; add this as {code_span(outcome.feature_path)}:\n\n"
            + fenced(outcome.feature_text, "gherkin")
        )
    return fit("\n\n".join(parts))


def trust_label(outcome: Outcome) -> str:
    """`confidence 0.42 (low)`, or nothing when the outcome was not rated."""
    return f"confidence {outcome.confidence:.2f} ({outcome.level})" if outcome.confidence is not None else ""


def _status_and_trust(outcome: Outcome) -> str:
    label = trust_label(outcome) if outcome.status in WRITTEN else ""
    return table_cell(shown_status(outcome.status, outcome.draft, outcome.level)) + (f" · {label}" if label else "")


def _trust_section(outcome: Outcome) -> list[str]:
    """Why the confidence is what it is (each reason as text it cannot leave), and what a draft asks of a reviewer."""
    if outcome.status not in WRITTEN or (outcome.confidence is None and not outcome.draft):
        return []
    verdict = "**Draft: review before merge.**" if outcome.draft else "**Checked.**"
    reasons = "\n".join(f"- {code_span(reason)}" for reason in outcome.reasons[:COMMENT_REASONS])
    return [f"{verdict} Confidence levels: {_thresholds()}.", *([reasons] if reasons else [])]


def _thresholds() -> str:
    from bot.generation.confidence import THRESHOLDS  # the generation side is imported only when a run needs it

    return THRESHOLDS


def job_summary(rows: Sequence[Row], outcomes: Sequence[Outcome], info: RunInfo) -> str:
    """The GITHUB_STEP_SUMMARY markdown: the table, then every file's section."""
    table = summary_body(rows, info).split("\n", 1)[1]
    sections = [file_body(o) for o in outcomes]
    return "\n\n".join([_STATE.sub("", table).rstrip(), *sections]) + "\n"


def error_annotations(outcomes: Iterable[Outcome]) -> list[str]:
    """`::error file=…::` workflow commands for requests that were rejected or failed."""
    failing = ("rejected", "failed", "not run")
    return [annotation(o.path, "; ".join(o.errors) or o.status) for o in outcomes if o.status in failing]


def annotation(path: str, message: str, line: int | None = None) -> str:
    """One `::error` workflow command on `path`, escaped the way the runner expects."""
    return workflow_command("error", message, file=path, line=line)


def over_limit(path: str, blob: str, limit: int) -> Outcome:
    message = (
        f"{path}: not run yet; a run handles at most {limit} requests that need work (setting max_requests), "
        "the next run takes it"
    )
    return Outcome(path, "not run", blob, errors=(message,))


def refusal(login: str, permission: str) -> str:
    return (
        f"@{login} controlbot commands need write, maintain or admin access to this repository "
        f"(yours: {permission}). Nothing was run."
    )


def first_commentable_line(patch: str | None) -> int | None:
    """The first new-file line a review comment can sit on in a diff hunk, or None (no hunk shown)."""
    line = 0
    for row in (patch or "").split("\n"):
        header = re.match(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", row)
        if header:
            line = int(header.group(1))
        elif line and row.startswith(("+", " ")):
            return line
    return None


def _help_hint() -> str:
    return (
        "Comment `/controlbot regenerate -- <feedback>` to regenerate with your feedback, `/controlbot help` for more."
    )


def fit(body: str) -> str:
    """A body GitHub accepts: cut at its size limit, saying so."""
    if len(body) <= COMMENT_LIMIT:
        return body
    return body[:COMMENT_LIMIT] + "\n\n… (cut to fit a GitHub comment; the job summary of the run has all of it)"


_ROW_FIELDS = frozenset(f.name for f in fields(Row))


def _notices(notices: Sequence[str]) -> list[str]:
    return [f"> {escape_html(escape(notice))}" for notice in notices]
