"""`controlbot generate`: requests in, checked features written beside them, reasoning on request."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.corpus.catalogue import CATALOGUE
from bot.corpus.examples import Corpus
from bot.corpus.search_cache import default_cache_file
from bot.generation.confidence import THRESHOLDS, read_header
from bot.generation.offline.engine import NOTE, OfflineModel
from bot.generation.pipeline import Generation, generate_control
from bot.generation.providers.from_settings import build_model
from bot.generation.providers.model import LanguageModel
from bot.inputs.config import Settings, load_settings
from bot.inputs.errors import ControlbotError, RequestError
from bot.inputs.intake import ControlRequest, find_requests, load_request
from bot.inputs.provenance import is_up_to_date, read_provenance
from bot.inputs.safe_text import one_line, safe_lines

MAX_PREVIOUS_BYTES = 256 * 1024
CONFIDENCE_HELP = (
    f"Each written feature carries a confidence ({THRESHOLDS}) and its reasons on its second "
    "line. A draft (planned offline, low confidence, or repaired into shape) says so there: review it before merge, "
    "and delete that line to accept it."
)


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.epilog = CONFIDENCE_HELP
    parser.add_argument("paths", nargs="+", type=Path, help="request files or folders")
    parser.add_argument("--provider", choices=("auto", "offline", "openai", "bedrock"))
    parser.add_argument("--model", help="model id (else CONTROLBOT_MODEL or the config file)")
    parser.add_argument("--feedback", help="a reviewer's feedback, fed with the current feature to the write step")
    parser.add_argument("--trace", action="store_true", help="print every step's reasoning, write <id>.trace.json")
    parser.add_argument("--jobs", type=int, default=4, help="requests generated at once (default 4)")
    parser.add_argument(
        "--no-catalogue", action="store_true", help="leave the shipped catalogue out of the few-shot examples"
    )
    parser.add_argument(
        "--force", action="store_true", help="regenerate up-to-date features and replace hand-written ones"
    )
    parser.set_defaults(run=run)


@dataclass
class Outcome:
    """What happened to one request path."""

    path: Path
    status: str  # written | up-to-date | failed | invalid (bad request) | refused (hand-written feature kept)
    message: str
    generation: Generation | None = None


def build_settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(os.environ, Path.cwd())
    return settings.with_overrides(provider=args.provider, model=args.model)


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("controlbot: --jobs must be at least 1", file=sys.stderr)
        return 2
    settings = build_settings(args)
    model = build_model(settings, OfflineModel)
    print(f"provider {model.provider}, model {model.model}" + (f" ({NOTE})" if model.provider == "offline" else ""))
    paths = find_requests(args.paths)
    catalogue = CATALOGUE if settings.catalogue and not args.no_catalogue else None
    corpus = Corpus.load(Path.cwd(), catalogue, default_cache_file(os.environ))
    for warning in corpus.skipped:
        print(f"controlbot: warning: {one_line(warning)}", file=sys.stderr)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda p: guarded(p, args, model, corpus, settings), paths))
    for outcome in outcomes:
        report(outcome, args.trace)
    return summarise(outcomes)


def summarise(outcomes: list[Outcome]) -> int:
    """The summary line; exit 2 when a request was bad input (README), 1 when a generation failed, else 0."""
    bad_input = sum(o.status in ("invalid", "refused") for o in outcomes)
    failed = sum(o.status == "failed" for o in outcomes)
    ok = len(outcomes) - bad_input - failed
    drafts = sum(o.status == "written" and _is_draft(o.generation) for o in outcomes)
    to_review = f"; {drafts} draft(s) to review before merge" if drafts else ""
    print(f"{len(outcomes)} request(s): {ok} ok, {bad_input + failed} failed{to_review}", file=sys.stderr)
    return 2 if bad_input else 1 if failed else 0


def _is_draft(generation: Generation | None) -> bool:
    return generation is not None and generation.confidence is not None and generation.confidence.draft


def guarded(path: Path, args: argparse.Namespace, model: LanguageModel, corpus: Corpus, settings: Settings) -> Outcome:
    """One request's outcome; whatever goes wrong with it, the other requests of the run still complete."""
    try:
        return one_request(path, args, model, corpus, settings)
    except ControlbotError as error:
        return Outcome(path, "failed", f"{path}: {error}")
    except Exception as error:  # a bug must not cost the other requests their features
        return Outcome(path, "failed", f"{path}: unexpected {type(error).__name__}: {error} (please report it)")


def one_request(
    path: Path, args: argparse.Namespace, model: LanguageModel, corpus: Corpus, settings: Settings
) -> Outcome:
    try:
        request = load_request(path)
    except RequestError as error:
        return Outcome(path, "invalid", str(error))
    feature = Path(request.feature_path)
    current = read_feature(feature)
    if feature_exists(feature) and not read_provenance(current or "") and not args.force:
        message = (
            f"{feature}: not overwritten: it has no controlbot provenance line (written by hand?); --force replaces it"
        )
        return Outcome(path, "refused", message)
    if current and is_up_to_date(current, request.sha256) and not (args.force or args.feedback):
        return Outcome(path, "up-to-date", f"{feature}: up to date{still_draft(current)}")
    generation = generate_control(
        request,
        model=model,
        corpus=corpus,
        settings=settings,
        feedback=args.feedback,
        previous_feature=current if args.feedback else None,
    )
    if args.trace:
        write_atomically(feature.with_suffix(".trace.json"), json.dumps(generation.trace.to_dict(), indent=2))
    if not generation.ok or generation.feature_text is None:
        return Outcome(path, "failed", f"{feature}: not written", generation)
    try:
        write_atomically(feature, generation.feature_text)
    except OSError as error:
        return Outcome(path, "failed", f"{feature}: not written: {error.strerror or error}", generation)
    return Outcome(path, "written", describe(request, generation), generation)


def still_draft(feature_text: str) -> str:
    """What an up-to-date feature's confidence line says when it is still a draft (a reviewer deletes the line)."""
    rated = read_header(feature_text)
    return f" (draft: confidence {rated[0]:.2f} ({rated[1]}) — review before merge)" if rated and rated[2] else ""


def feature_exists(feature: Path) -> bool:
    """A file or a symlink is there (a folder in the way makes the write fail instead)."""
    return feature.is_symlink() or feature.is_file()


def read_feature(feature: Path) -> str | None:
    """The current feature beside the request (its first 256 KiB), only from a regular file, never through a symlink."""
    try:
        if not stat.S_ISREG(feature.lstat().st_mode):
            return None
        descriptor = os.open(feature, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as handle:
            return handle.read(MAX_PREVIOUS_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None


def describe(request: ControlRequest, generation: Generation) -> str:
    """`<feature>: written (4/4 checks passed, draft: confidence 0.42 (low) — review before merge, 1.20 s, …)`."""
    confidence = generation.confidence
    trust = ""
    if confidence is not None:
        trust = f"draft: {confidence.label} — review before merge" if confidence.draft else confidence.label
        trust += ", "
    return (
        f"{request.feature_path}: written ({generation.checks_passed}/{generation.checks_total} checks passed, "
        f"{trust}{generation.trace.seconds:.2f} s, {generation.trace.tokens} tokens)"
    )


def reasons_lines(generation: Generation, shown: int = 3) -> list[str]:
    """A draft's first reasons, one indented line each, under its `written` line."""
    confidence = generation.confidence
    if confidence is None or not confidence.draft:
        return []
    return [f"  why: {one_line(reason, 300)}" for reason in confidence.reasons[:shown]]


def write_atomically(path: Path, text: str) -> None:
    """Readers never see half a file: write beside it, then rename over it."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.unlink(missing_ok=True)  # a planted symlink here must not redirect the write
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(partial, flags, 0o644), "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def report(outcome: Outcome, trace: bool) -> None:
    generation = outcome.generation
    if trace and generation is not None:
        print(safe_lines(generation.trace.to_markdown()))
    if outcome.status in ("written", "up-to-date"):
        print(one_line(outcome.message))
        for line in reasons_lines(generation) if generation is not None else []:
            print(line)
        return
    print(f"controlbot: {one_line(outcome.message)}", file=sys.stderr)
    if generation is not None:
        for error in generation.errors:
            print(f"  {one_line(error)}", file=sys.stderr)
        if generation.draft:
            print(
                "  last draft:\n" + safe_lines("\n".join(f"    {row}" for row in generation.draft.splitlines())),
                file=sys.stderr,
            )
