"""Recall@k of the primary operation and primary field over a benchmark file of control requests."""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.retrieval import Retrieval, request_query, retrieve

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = (
    ROOT / "benchmarks" / "varied.yaml"
)  # the project's own set; pass ../shared/bench/dev.yaml to measure on dev
_MARKERS = re.compile(r"\[\d*\]|\.\*|\*")


@dataclass(frozen=True)
class Entry:
    """A benchmark entry read as a control request (no title or notes in the benchmark files)."""

    id: str
    service: str
    resource: str
    requirement: str
    category: str | None
    operations: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]
    title: str | None = None
    notes: str | None = None


def normalise(path: str) -> str:
    """A field path with list and map markers dropped: `A[].B[0].C` -> `A.B.C`."""
    return _MARKERS.sub("", path)


def load_entries(path: Path) -> list[Entry]:
    entries = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        primary_op = raw["expected_operations"][0]
        alternatives = [alt.split(":", 1) for alt in raw.get("alternatives", ())]
        operations = (primary_op, *(op for op, _ in alternatives))
        fields = ((primary_op, normalise(raw["expected_fields"][0])),)
        fields += tuple((op, normalise(p)) for op, p in alternatives)
        entries.append(
            Entry(
                raw["id"],
                raw["service"],
                raw["resource"],
                raw["requirement"],
                raw.get("category"),
                operations,
                fields,
                raw.get("title"),
                raw.get("notes"),
            )
        )
    return entries


def rank_of(found: list[Any], wanted: set[Any]) -> int | None:
    return next((i + 1 for i, item in enumerate(found) if item in wanted), None)


def evaluate(entry: Entry, k: int) -> tuple[int | None, int | None, Retrieval]:
    result = retrieve(entry.service, request_query(entry), entry.category, k=k)
    op_rank = rank_of([o.name for o in result.operations], set(entry.operations))
    field_rank = rank_of([(f.operation, normalise(f.path)) for f in result.fields], set(entry.fields))
    return op_rank, field_rank, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the top results of every miss")
    args = parser.parse_args(argv)
    entries = load_entries(args.bench)
    op_hits = field_hits = 0
    misses: list[str] = []
    started = time.perf_counter()
    for entry in entries:
        op_rank, field_rank, result = evaluate(entry, args.k)
        op_hits += op_rank is not None
        field_hits += field_rank is not None
        if op_rank is None or field_rank is None:
            misses.append(
                f"| {entry.id} | {op_rank or 'miss'} | {field_rank or 'miss'} | "
                f"{entry.operations[0]} | {entry.fields[0][1]} |"
            )
            if args.verbose:
                misses.append("  ops: " + ", ".join(o.name for o in result.operations))
                misses.append("  fields: " + ", ".join(f"{f.operation}:{f.path}" for f in result.fields))
    elapsed = time.perf_counter() - started
    total = len(entries)
    print(f"entries: {total}  k: {args.k}  time: {elapsed:.2f} s")
    print(f"operation recall@{args.k}: {op_hits / total:.3f} ({op_hits}/{total})")
    print(f"field recall@{args.k}: {field_hits / total:.3f} ({field_hits}/{total})")
    if misses:
        print("\n| entry | op rank | field rank | expected operation | expected field |\n|---|---|---|---|---|")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
