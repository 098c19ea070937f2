"""Generation for the Action: the model for this run (offline on forks without secrets), every request in parallel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.generation.providers.model import LanguageModel
from bot.github.escape import workflow_command
from bot.github.review import Outcome, generated
from bot.inputs.config import Settings

if TYPE_CHECKING:
    from bot.github.action import Run
    from bot.github.process import Work

MAX_PARALLEL = 10


def generate_all(run: Run, fork: bool, work: Sequence[Work], feedback: str, notices: list[str]) -> list[Outcome]:
    """Generate every request concurrently; one request's failure never stops the others."""
    from bot.corpus.catalogue import CATALOGUE
    from bot.corpus.examples import Corpus
    from bot.generation.pipeline import generate_control
    from bot.github.process import failed_outcome, same_as_current

    settings, model = choose_model(run, fork, notices)
    if len(feedback) > settings.feedback_cap:
        notices.append(
            f"The feedback had {len(feedback)} characters; only the first {settings.feedback_cap} were used."
        )
        feedback = feedback[: settings.feedback_cap]
    corpus = Corpus.load(run.action.workspace, CATALOGUE if settings.catalogue else None)
    for warning in corpus.skipped:  # a merged pair that became unreadable: said, never fatal
        run.log(workflow_command("warning", warning))
        notices.append(f"A merged control was left out of the few-shot examples: {warning}")

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
            return same_as_current(generated(item.candidate.path, item.candidate.blob, generation), item)
        except Exception as error:  # one request's crash is reported on its file; the others still land
            return failed_outcome(item, f"internal error: {type(error).__name__}: {error}")

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
        notices.append(f"{NOTE[:1].upper()}{NOTE[1:]}. It cannot know when it is right: every control is a draft.")
    return settings, model


def _has_credentials(settings: Settings, env: Mapping[str, str]) -> bool:
    if settings.resolved_provider == "openai":
        return bool(settings.api_key)
    keys = ("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_PROFILE")
    return any(env.get(key) for key in keys)
