"""The GitHub Action: an event → requests read at the head commit → generation → one commit → one review."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TextIO

from bot.github.api import DEFAULT_API_URL, ChangedFile, GitHub
from bot.github.escape import scrub, secret_values, workflow_command
from bot.github.events import DEFAULT_BOT_LOGIN, CommandJob, Ignored, PullRequestJob, parse_event
from bot.github.features import feature_candidates
from bot.github.process import process
from bot.github.publish import Task
from bot.github.pygithub_client import PyGithubClient
from bot.github.review import HELP, refusal
from bot.github.safety import Candidate, request_candidates, request_path_for
from bot.inputs.config import Settings, load_settings
from bot.inputs.errors import ControlbotError, UsageError, internal_error
from bot.inputs.safe_text import escape

WRITE_PERMISSIONS = frozenset({"admin", "maintain", "write"})
# every variable a run may hold a secret in: masked in all output, and a feature containing one is refused
SECRET_VARIABLES = (
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "OPENAI_API_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
)


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
        """One line of output, secrets masked: no newline or escape code can start a workflow command."""
        print(escape(self.scrub(text)), file=self.out, flush=True)  # workflow commands in it are built escaped

    @cached_property
    def secrets(self) -> list[str]:
        return secret_values(self.env, SECRET_VARIABLES, [self.settings.api_key])

    def scrub(self, text: str) -> str:
        """`text` with every secret of the run masked, whatever produced it."""
        return scrub(text, self.secrets)


def main(env: Mapping[str, str], *, out: TextIO = sys.stdout, github: GitHub | None = None) -> int:
    """Run the Action for the event in the environment; the exit status of `python -m bot`."""
    action = ActionEnv.read(env)
    try:
        payload = json.loads(action.event_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{action.event_path}: cannot read the event payload: {error}") from None
    job = parse_event(action.event_name, payload, bot_login=action.bot_login)
    if isinstance(job, Ignored):
        print(escape(f"controlbot: nothing to do: {job.reason}"), file=out)
        return 0
    client = github or PyGithubClient(job.repo, action.token, api_url=action.api_url)
    run = Run(client, load_settings(env, action.workspace), env, action, out)
    try:
        return on_pull_request(run, job) if isinstance(job, PullRequestJob) else on_command(run, job)
    except ControlbotError as error:
        run.log(workflow_command("error", run.scrub(str(error))))
        return 1


def on_pull_request(run: Run, job: PullRequestJob) -> int:
    pr = run.github.pull_request(job.number)
    if not pr.open:
        run.log(f"controlbot: nothing to do: pull request #{job.number} is {pr.state}")
        return 0
    files = run.github.changed_files(job.number)
    candidates, features = tuple(request_candidates(files)), tuple(feature_candidates(files))
    return process(run, Task(pr, job.head_sha, candidates, _paths(candidates, features), features=features))


def _paths(*groups: Sequence[Candidate]) -> tuple[str, ...]:
    return tuple(c.path for group in groups for c in group)


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
    if not pr.open:
        _respond(run, job, f"This pull request is {pr.state}: controlbot regenerates only on open pull requests.")
        return 0, False
    files: list[ChangedFile] = run.github.changed_files(job.number)
    candidates, features = request_candidates(files), tuple(feature_candidates(files))
    selected, unknown = select(candidates, job.command.paths)
    if unknown or not selected:
        names = ", ".join(f"`{p}`" for p in unknown) or "anything"
        _respond(run, job, f"No control request changed in this pull request matches {names}.\n\n{HELP}")
        return 0, False
    every = _paths(candidates, features)
    feedback, actor = job.command.feedback, job.author
    task = Task(pr, pr.head_sha, tuple(selected), every, features, force=True, feedback=feedback, actor=actor)
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


def _react(run: Run, job: CommandJob, content: str) -> None:
    try:
        run.github.react(job.number, job.comment_kind, job.comment_id, content)
    except ControlbotError as error:  # a missing reaction must not stop the command
        run.log(workflow_command("warning", str(error)))


def _respond(run: Run, job: CommandJob, body: str) -> None:
    if job.comment_kind == "review":
        run.github.reply(job.number, job.comment_id, run.scrub(body))
    else:
        run.github.comment(job.number, run.scrub(body))


def entry(env: Mapping[str, str]) -> int:
    """`main` behind the last boundary: any error ends as one escaped `::error` line with secrets masked, exit 2."""
    try:
        return main(env)
    except ControlbotError as error:
        message = str(error)
    except Exception as error:  # never a traceback: one line that names the fault
        message = internal_error(error)
    print(workflow_command("error", scrub(message, secret_values(env, SECRET_VARIABLES))), flush=True)
    return 2
