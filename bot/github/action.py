"""The GitHub Action: an event → requests read at the head commit → generation → one commit → one review."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from bot.generation.providers.model import LanguageModel
from bot.github.api import DEFAULT_API_URL, GitHub, PullRequest
from bot.github.events import DEFAULT_BOT_LOGIN, CommandJob, Ignored, PullRequestJob, parse_event
from bot.github.git_data import TreeReader
from bot.github.publish import Task, publish
from bot.github.pygithub_client import PyGithubClient
from bot.github.review import HELP, SUMMARY_MARKER, Outcome, annotation, generated, over_limit, read_state, refusal
from bot.github.safety import Candidate, entry_problem, request_candidates, request_path_for, request_path_problem
from bot.inputs.config import Settings, load_settings
from bot.inputs.errors import ControlbotError, RequestError, UsageError
from bot.inputs.intake import ControlRequest, parse_request
from bot.inputs.provenance import is_up_to_date, read_provenance

MAX_PARALLEL = 10
WRITE_PERMISSIONS = frozenset({"admin", "maintain", "write"})
SECRET_VARIABLES = ("GITHUB_TOKEN", "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


@dataclass(frozen=True)
class ActionEnv:
    """The standard Actions environment a run is driven by."""

    event_name: str
    event_path: Path
    token: str
    api_url: str
    workspace: Path
    step_summary: Path | None
    bot_login: str

    @classmethod
    def read(cls, env: Mapping[str, str]) -> ActionEnv:
        missing = [key for key in ("GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_TOKEN") if not env.get(key)]
        if missing:
            raise UsageError(
                f"missing {', '.join(missing)} in the environment: run inside GitHub Actions and pass the "
                "token with `env: GITHUB_TOKEN: ${{ github.token }}`"
            )
        summary = env.get("GITHUB_STEP_SUMMARY")
        return cls(
            event_name=env["GITHUB_EVENT_NAME"],
            event_path=Path(env["GITHUB_EVENT_PATH"]),
            token=env["GITHUB_TOKEN"],
            api_url=env.get("GITHUB_API_URL") or DEFAULT_API_URL,
            workspace=Path(env.get("GITHUB_WORKSPACE") or "."),
            step_summary=Path(summary) if summary else None,
            bot_login=env.get("CONTROLBOT_BOT_LOGIN") or DEFAULT_BOT_LOGIN,
        )


@dataclass
class Run:
    """What every part of one run shares: the GitHub client, settings, and where to report."""

    github: GitHub
    settings: Settings
    env: Mapping[str, str]
    action: ActionEnv
    out: TextIO = field(default_factory=lambda: sys.stdout)

    def log(self, text: str) -> None:
        print(self.scrub(text), file=self.out, flush=True)

    def scrub(self, text: str) -> str:
        """`text` with every secret of the environment masked, whatever produced it."""
        for key in SECRET_VARIABLES:
            secret = self.env.get(key, "")
            if len(secret) >= 4:
                text = text.replace(secret, "***")
        return text


@dataclass(frozen=True)
class Work:
    """A request to generate: where it came from, what it says, and the feature it has now."""

    candidate: Candidate
    request: ControlRequest
    current: str | None


def main(env: Mapping[str, str], *, out: TextIO = sys.stdout, github: GitHub | None = None) -> int:
    """Run the Action for the event in the environment; the exit status of `python -m bot`."""
    action = ActionEnv.read(env)
    try:
        payload = json.loads(action.event_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{action.event_path}: cannot read the event payload: {error}") from None
    job = parse_event(action.event_name, payload, bot_login=action.bot_login)
    if isinstance(job, Ignored):
        print(f"controlbot: nothing to do: {job.reason}", file=out)
        return 0
    client = github or PyGithubClient(job.repo, action.token, api_url=action.api_url)
    run = Run(client, load_settings(env, action.workspace), env, action, out)
    try:
        return on_pull_request(run, job) if isinstance(job, PullRequestJob) else on_command(run, job)
    except ControlbotError as error:
        run.log(f"::error title=controlbot::{error}")
        return 1


def on_pull_request(run: Run, job: PullRequestJob) -> int:
    pr = run.github.pull_request(job.number)
    candidates = tuple(request_candidates(run.github.changed_files(job.number)))
    return process(run, Task(pr, job.head_sha, candidates, tuple(c.path for c in candidates)))


def on_command(run: Run, job: CommandJob) -> int:
    """👀 on receipt, then the command, then 🚀 when it did what was asked or 😕 when it did not."""
    _react(run, job, "eyes")
    try:
        code, done = _command(run, job)
    except ControlbotError:
        _react(run, job, "confused")
        raise
    _react(run, job, "rocket" if done else "confused")
    return code


def _command(run: Run, job: CommandJob) -> tuple[int, bool]:
    permission = run.github.permission(job.author)
    if permission not in WRITE_PERMISSIONS:
        _respond(run, job, refusal(job.author, permission))
        return 0, False
    if job.command.name != "regenerate":
        known = job.command.name == "help"
        _respond(run, job, HELP if known else f"Unknown command `{job.command.word}`.\n\n{HELP}")
        return 0, known
    pr = run.github.pull_request(job.number)
    candidates = request_candidates(run.github.changed_files(job.number))
    selected, unknown = select(candidates, job.command.paths)
    if unknown or not selected:
        names = ", ".join(f"`{p}`" for p in unknown) or "anything"
        _respond(run, job, f"No control request changed in this pull request matches {names}.\n\n{HELP}")
        return 0, False
    every = tuple(c.path for c in candidates)
    task = Task(pr, pr.head_sha, tuple(selected), every, force=True, feedback=job.command.feedback, actor=job.author)
    code = process(run, task)
    if job.comment_kind == "review":
        _respond(run, job, "Regenerated: the reasoning is in controlbot's new review.")
    return code, code == 0


def select(candidates: Sequence[Candidate], paths: Sequence[str]) -> tuple[list[Candidate], list[str]]:
    """The candidates named by request or feature paths (all when none is given), and the unmatched paths."""
    if not paths:
        return list(candidates), []
    known = {c.path for c in candidates}
    wanted = {path: request_path_for(path.removeprefix("./")) for path in paths}
    chosen = {request for request in wanted.values() if request in known}
    return [c for c in candidates if c.path in chosen], [p for p, r in wanted.items() if r not in known]


def process(run: Run, task: Task) -> int:
    """Read and skip, generate the rest, publish; 1 when a request is rejected or failed."""
    summary = find_summary(run, task.pr.number)
    earlier = read_state(summary[1]) if summary else {}
    limit, force = run.settings.max_requests, task.force
    outcomes = [over_limit(c.path, c.blob, limit) for c in task.candidates[limit:]]
    reader = TreeReader(run.github, task.head_sha)
    work: list[Work] = []
    still_rejected = []
    for candidate in task.candidates[:limit]:
        row = earlier.get(candidate.path)
        if not force and row is not None and row.status == "rejected" and row.blob == candidate.blob:
            still_rejected.append(candidate.path)  # reported before, unchanged since: not posted again
            continue
        item = read_candidate(run, reader, candidate)
        if isinstance(item, Outcome):
            outcomes.append(item)
        elif not force and item.current is not None and is_up_to_date(item.current, item.request.sha256):
            provider = read_provenance(item.current).get("provider", "")
            outcomes.append(Outcome(candidate.path, "up to date", candidate.blob, item.request.id, provider=provider))
        else:
            work.append(item)
    notices: list[str] = []
    outcomes.extend(generate(run, task.pr, work, task.feedback, notices) if work else [])
    for path in still_rejected:
        run.log(annotation(path, f"{path} is still rejected, unchanged since controlbot's review said why"))
    publish(run, task, outcomes, notices, summary)
    return 1 if still_rejected or any(o.status in ("rejected", "failed") for o in outcomes) else 0


def find_summary(run: Run, number: int) -> tuple[int, str] | None:
    """(id, body) of this bot's earlier summary: its own review carrying the hidden marker."""
    for review in run.github.reviews(number):
        if review.user_type == "Bot" and review.user_login == run.action.bot_login and SUMMARY_MARKER in review.body:
            return review.id, review.body
    return None


def read_candidate(run: Run, reader: TreeReader, candidate: Candidate) -> Outcome | Work:
    """The parsed request and its current feature, or the outcome of a request that cannot be used."""
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


def generate(run: Run, pr: PullRequest, work: Sequence[Work], feedback: str, notices: list[str]) -> list[Outcome]:
    """Generate every request concurrently; one request's failure never stops the others."""
    from bot.corpus.examples import Corpus
    from bot.generation.pipeline import generate_control

    settings, model = choose_model(run, pr.is_fork, notices)
    if len(feedback) > settings.feedback_cap:
        notices.append(
            f"The feedback had {len(feedback)} characters; only the first {settings.feedback_cap} were used."
        )
        feedback = feedback[: settings.feedback_cap]
    corpus = Corpus.load(run.action.workspace)

    def one(item: Work) -> Outcome:
        try:
            generation = generate_control(
                item.request,
                model=model,
                corpus=corpus,
                settings=settings,
                feedback=feedback or None,
                previous_feature=item.current if feedback else None,
            )
        except Exception as error:  # one request's crash is reported on its file; the others still land
            message = f"{item.candidate.path}: internal error: {type(error).__name__}: {error}"
            return Outcome(item.candidate.path, "failed", item.candidate.blob, item.request.id, errors=(message,))
        outcome = generated(item.candidate.path, item.candidate.blob, generation)
        if outcome.feature_text is not None and outcome.feature_text == item.current:
            return replace(outcome, status="unchanged", feature_text=None)
        return outcome

    with ThreadPoolExecutor(max_workers=min(len(work), MAX_PARALLEL)) as pool:
        return list(pool.map(one, work))


def choose_model(run: Run, fork: bool, notices: list[str]) -> tuple[Settings, LanguageModel]:
    """The model to use; a fork's run without credentials falls back to the offline provider and says so."""
    from bot.generation.offline.engine import NOTE, OfflineModel
    from bot.generation.providers.from_settings import build_model

    settings = run.settings
    if fork and settings.resolved_provider != "offline" and not _has_credentials(settings, run.env):
        settings = replace(settings, provider="offline")
        notices.append("This pull request comes from a fork, and forks get no secrets: the offline provider was used.")
    model = build_model(settings, OfflineModel)
    if model.provider == "offline":
        notices.append(f"{NOTE[:1].upper()}{NOTE[1:]}.")
    return settings, model


def _has_credentials(settings: Settings, env: Mapping[str, str]) -> bool:
    if settings.resolved_provider == "openai":
        return bool(settings.api_key)
    keys = ("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_PROFILE")
    return any(env.get(key) for key in keys)


def _react(run: Run, job: CommandJob, content: str) -> None:
    try:
        run.github.react(job.number, job.comment_kind, job.comment_id, content)
    except ControlbotError as error:  # a missing reaction must not stop the command
        run.log(f"::warning title=controlbot::{error}")


def _respond(run: Run, job: CommandJob, body: str) -> None:
    if job.comment_kind == "review":
        run.github.reply(job.number, job.comment_id, run.scrub(body))
    else:
        run.github.comment(job.number, run.scrub(body))
