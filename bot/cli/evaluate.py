"""`controlbot eval BENCH.yaml`: generate every benchmark entry and score grounding and hits."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from bot.corpus.catalogue import CATALOGUE
from bot.corpus.examples import Corpus
from bot.corpus.search_cache import default_cache_file
from bot.generation.evaluation import expected_hits, feature_facts, field_hit, map_fields, normalise_path
from bot.generation.offline.engine import OfflineModel
from bot.generation.pipeline import generate_control
from bot.generation.providers.from_settings import build_model
from bot.generation.providers.model import LanguageModel
from bot.inputs.config import Settings, load_settings
from bot.inputs.errors import ControlbotError, UsageError
from bot.inputs.intake import parse_request
from bot.inputs.safe_text import one_line
from bot.knowledge.retrieval import request_query, retrieve
from bot.language.checker import check_feature

REQUEST_KEYS = ("service", "resource", "requirement", "category", "title", "severity", "notes")
METRICS = ("parse_valid", "grounded", "op_hit", "field_hit", "retrieval_op_recall", "retrieval_field_recall")


def register(parser: Any) -> None:
    """Add the command's arguments to its parser (bot/cli/main.py names it and gives its help)."""
    parser.add_argument("bench", type=Path, nargs="?", help="a benchmark file; with --leave-one-out, a controls folder")
    parser.add_argument(
        "--leave-one-out",
        action="store_true",
        help="regenerate each control of the folder (default controls/) without itself; compare with the merged one",
    )
    parser.add_argument("--no-behaviour", action="store_true", help="with --leave-one-out: skip the moto test runs")
    parser.add_argument("--provider", choices=("auto", "offline", "openai", "bedrock"))
    parser.add_argument("--model")
    parser.add_argument("--json", dest="json_out", type=Path, help="write {summary, entries} here")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument(
        "--no-catalogue", action="store_true", help="leave the shipped catalogue out of the few-shot examples"
    )
    parser.set_defaults(run=run)


def load_bench(path: Path) -> list[dict[str, Any]]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UsageError(f"{path}: cannot read the benchmark: {error}") from None
    except (ValueError, OverflowError) as error:  # PyYAML's constructors: a bad date, a 4,300+ digit number
        raise UsageError(f"{path}: cannot read the benchmark: a value cannot be read ({error})") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries):
        raise UsageError(f"{path}: must be a list of entries with id (text), service, resource, requirement")
    return entries


def score_entry(entry: dict[str, Any], model: LanguageModel, corpus: Corpus, settings: Settings) -> dict[str, Any]:
    """One entry's scores; an entry that cannot be scored scores zero and says why, the others still run."""
    result: dict[str, Any] = {
        "id": entry["id"], **dict.fromkeys(METRICS, 0.0), "seconds": 0.0, "tokens": 0,
        "confidence": None, "level": None, "draft": None,
    }  # fmt: skip
    try:
        return score_request(entry, result, model, corpus, settings)
    except ControlbotError as error:
        return {**result, "error": str(error)}
    except Exception as error:  # one entry's bug must not cost the run its report
        return {**result, "error": f"unexpected {type(error).__name__}: {one_line(str(error), 500)}"}


def score_request(
    entry: dict[str, Any], result: dict[str, Any], model: LanguageModel, corpus: Corpus, settings: Settings
) -> dict[str, Any]:
    data = yaml.safe_dump({k: entry[k] for k in REQUEST_KEYS if k in entry}).encode()
    request = parse_request(data, f"controls/{entry.get('service')}/{entry['id']}.yaml")
    ops, fields = expected_hits(entry)
    maps = map_fields(entry)
    found = retrieve(request.service, request_query(request), request.category, k=settings.retrieval_k)
    result["retrieval_op_recall"] = float(any(o.name in ops for o in found.operations))
    retrieved = (f"{f.operation}:{normalise_path(f.path)}" for f in found.fields)
    result["retrieval_field_recall"] = float(field_hit(retrieved, fields, maps))
    generation = generate_control(request, model=model, corpus=corpus, settings=settings)
    result["seconds"] = round(generation.trace.seconds, 3)
    result["tokens"] = generation.trace.tokens
    if generation.confidence is not None:
        confidence = generation.confidence
        result.update(confidence=confidence.score, level=confidence.level, draft=confidence.draft)
    text = generation.feature_text or generation.draft
    if not text:
        return {**result, "error": "; ".join(generation.errors)}
    problems = check_feature(text, request.feature_path, request.id, request.service)
    facts = feature_facts(text)
    result["parse_valid"] = float(not any(p.message.startswith("Gherkin syntax") for p in problems))
    result["grounded"] = float(generation.ok and not any(p.severity == "error" for p in problems))
    result["op_hit"] = float(bool(facts.operations & ops))
    result["field_hit"] = float(field_hit(facts.fields, fields, maps))
    return result


def _rating(result: dict[str, Any]) -> str:
    if result["confidence"] is None:
        return ""
    return f" confidence={result['confidence']:.2f}" + (" draft" if result["draft"] else "")


def confidence_summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The mean confidence of the entries that produced a control, and how many of them are drafts."""
    rated = [r for r in results if r["confidence"] is not None]
    mean = round(statistics.fmean(r["confidence"] for r in rated), 3) if rated else None
    return {"mean_confidence": mean, "drafts": sum(bool(r["draft"]) for r in rated)}


def run(args: argparse.Namespace) -> int:
    if args.bench is None and not args.leave_one_out:
        raise UsageError("give a benchmark file, or --leave-one-out [controls/]")
    entries = [] if args.leave_one_out else load_bench(args.bench)
    settings = load_settings(os.environ, Path.cwd()).with_overrides(provider=args.provider, model=args.model)
    model = build_model(settings, OfflineModel)
    catalogue = CATALOGUE if settings.catalogue and not args.no_catalogue else None
    corpus = Corpus.load(Path.cwd(), catalogue, default_cache_file(os.environ))
    print(f"provider {model.provider}, model {model.model}", file=sys.stderr)
    if args.leave_one_out:
        from bot.cli.leave_one_out import leave_one_out

        return leave_one_out(args, model, corpus, settings)

    def one(index_entry: tuple[int, dict[str, Any]]) -> dict[str, Any]:
        index, entry = index_entry
        result = score_entry(entry, model, corpus, settings)
        print(f"[{index + 1}/{len(entries)}] {one_line(entry['id'], 200)}: op_hit={result['op_hit']:.0f} "
              f"field_hit={result['field_hit']:.0f} grounded={result['grounded']:.0f}{_rating(result)}",
              file=sys.stderr)  # fmt: skip
        return result

    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        results = list(pool.map(one, enumerate(entries)))
    summary: dict[str, Any] = {
        m: round(statistics.fmean(r[m] for r in results), 3) if results else 0.0 for m in METRICS
    }
    summary.update(entries=len(results), provider=model.provider, model=model.model)
    summary["median_seconds"] = statistics.median(r["seconds"] for r in results) if results else 0.0
    summary.update(confidence_summary(results))
    report = {"summary": summary, "entries": results}
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0
