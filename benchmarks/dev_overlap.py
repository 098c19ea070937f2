"""Which controls in controls/ assert a benchmark entry's primary operation and field (none should copy one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from bot.corpus.catalogue import Catalogue
from bot.generation.evaluation import feature_facts, normalise_path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bench", type=Path, help="a benchmark file shaped like benchmarks/varied.yaml")
    parser.add_argument("--controls", type=Path, default=ROOT / "controls")
    args = parser.parse_args()
    entries = yaml.safe_load(args.bench.read_text(encoding="utf-8"))
    keys = {
        (e["service"], f"{e['expected_operations'][0]}:{normalise_path(e['expected_fields'][0])}"): e["id"]
        for e in entries
    }
    found = []
    controls = Catalogue.load(args.controls).entries
    for entry in controls:
        fields = feature_facts(entry.feature_path.read_text(encoding="utf-8")).fields
        found += [(entry.id, keys[(entry.service, f)]) for f in fields if (entry.service, f) in keys]
    for control, bench_id in found:
        print(f"{control}: asserts the primary field of {bench_id}")
    print(f"{len(found)} control(s) of {len(controls)} share a primary field with {args.bench}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
