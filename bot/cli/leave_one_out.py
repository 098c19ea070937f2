"""`controlbot eval --leave-one-out [FOLDER]`: regenerate each merged control without itself and compare."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.cli.test import moto_sandbox
from bot.corpus.catalogue import Catalogue, Entry
from bot.corpus.examples import Corpus
from bot.generation.evaluation import feature_facts
from bot.generation.pipeline import generate_control
from bot.generation.providers.model import LanguageModel
from bot.inputs.config import Settings
from bot.inputs.control_tests import load_control_tests
from bot.inputs.errors import ControlbotError, UsageError
from bot.inputs.safe_text import one_line
from bot.language.feature import parse_feature
from bot.runner.cases import Sandbox, run_control_tests


def _draft(entry: Entry, model: LanguageModel, corpus: Corpus, settings: Settings) -> dict[str, Any]:
    """The regenerated draft (the corpus never offers a control as its own example) and how it compares."""
    result: dict[str, Any] = {"id": entry.id, "service": entry.service, "operations": 0.0, "fields": 0.0}
    try:
        generation = generate_control(entry.request, model=model, corpus=corpus, settings=settings)
    except ControlbotError as error:
        return {**result, "error": str(error)}
    text = generation.feature_text or generation.draft or ""
    if not text:
        return {**result, "error": "; ".join(generation.errors)}
    merged = feature_facts(entry.feature_path.read_text(encoding="utf-8"))
    drafted = feature_facts(text)
    result["operations"] = float(merged.operations <= drafted.operations)
    result["fields"] = len(merged.fields & drafted.fields) / len(merged.fields) if merged.fields else 1.0
    result["adapted"] = "# adapted from control " in text
    result["text"] = text
    return result


def _behaviour(entry: Entry, text: str, sandbox: Sandbox) -> str:
    """The merged control's own test cases run against the draft: PASS, FAIL, SKIP, or NONE (no cases)."""
    if entry.tests_path is None:
        return "NONE"
    tests = load_control_tests(entry.tests_path)
    if tests.skip is not None:
        return "SKIP"
    draft_path = entry.feature_path.with_name(f"{entry.id}.draft.feature")
    parsed = parse_feature(_named_as_merged(text, entry.feature_path.read_text(encoding="utf-8")), str(draft_path))
    if parsed.syntax_errors:
        return "FAIL"
    return run_control_tests((entry.id, parsed), tests, sandbox).status


_LISTING = re.compile(r'(the resources listed by "[^"]+" at "[^"]+") identified by "((?:[^"\\]|\\.)*)"')


def _named_as_merged(draft: str, merged: str) -> str:
    """The draft with the merged control's identifier where both list the same items: the test cases name
    resources as the merged control does (an ARN, a name), and which one a draft reports by is no error."""
    mine, theirs = _LISTING.search(draft), _LISTING.search(merged)
    if mine is None or theirs is None or mine[1] != theirs[1]:
        return draft
    return draft.replace(mine[0], theirs[0])


def leave_one_out(args: argparse.Namespace, model: LanguageModel, corpus: Corpus, settings: Settings) -> int:
    folder = args.bench or Path("controls")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder of controls (give the folder, e.g. controls/)")
    entries = list(Catalogue.load(folder).entries)
    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        results = list(pool.map(lambda e: _draft(e, model, corpus, settings), entries))
    sandbox = moto_sandbox() if not args.no_behaviour else None
    for entry, result in zip(entries, results, strict=True):
        text = result.pop("text", "")
        result["behaviour"] = _behaviour(entry, text, sandbox) if sandbox and text else "NOT_RUN"
        print(one_line(f"{entry.id}: operations={result['operations']:.0f} fields={result['fields']:.2f} "
                       f"behaviour={result['behaviour']}" + (" adapted" if result.get("adapted") else "")),
              file=sys.stderr)  # fmt: skip
    summary = _summary(results, model)
    if args.json_out:
        args.json_out.write_text(json.dumps({"summary": summary, "entries": results}, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


def _summary(results: list[dict[str, Any]], model: LanguageModel) -> dict[str, Any]:
    ran = [r for r in results if r["behaviour"] in ("PASS", "FAIL")]
    return {
        "controls": len(results),
        "provider": model.provider,
        "model": model.model,
        "operations": round(statistics.fmean(r["operations"] for r in results), 3) if results else 0.0,
        "fields": round(statistics.fmean(r["fields"] for r in results), 3) if results else 0.0,
        "behaviour_runs": len(ran),
        "behaviour_pass": sum(r["behaviour"] == "PASS" for r in ran),
        "behaviour": round(sum(r["behaviour"] == "PASS" for r in ran) / len(ran), 3) if ran else None,
        "adapted": sum(bool(r.get("adapted")) for r in results),
        "errors": sum("error" in r for r in results),
    }
