"""Offline generation time per control, warm: median and p90 over the dev benchmark and the seed requests."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.corpus.examples import Corpus
from bot.generation.offline.engine import OfflineModel
from bot.generation.pipeline import generate_control
from bot.generation.providers.model import Completion, LanguageModel, LLMCall
from bot.inputs.config import Settings
from bot.inputs.intake import ControlRequest, find_requests, load_request, parse_request

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = (
    ROOT / "benchmarks" / "varied.yaml"
)  # the project's own set; pass ../shared/bench/dev.yaml to measure on dev
REQUEST_KEYS = ("service", "resource", "requirement", "category", "title", "severity", "notes")
TARGET_MS = 250.0


def bench_files(bench: Path) -> list[tuple[str, bytes]]:
    """Each benchmark entry as the request file a user would write: (controls/<service>/<id>.yaml, bytes)."""
    entries = yaml.safe_load(bench.read_text(encoding="utf-8"))
    return [
        (
            f"controls/{entry['service']}/{entry['id']}.yaml",
            yaml.safe_dump({k: entry[k] for k in REQUEST_KEYS if k in entry}, sort_keys=False).encode(),
        )
        for entry in entries
    ]


def bench_requests(bench: Path) -> list[ControlRequest]:
    return [parse_request(data, path) for path, data in bench_files(bench)]


def seed_requests(root: Path = ROOT) -> list[ControlRequest]:
    return [load_request(path) for path in find_requests([root / "controls"])]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p90 of 42 values is the 38th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


@dataclass
class Recorder:
    """A LanguageModel that forwards to another one and keeps every call and answer, per control id.

    `answer` may replace the inner model's answer for a call (to inject a broken draft, for example).
    """

    inner: LanguageModel
    answer: Callable[[LLMCall, str], str] | None = None
    calls: list[tuple[str, LLMCall, str]] = field(default_factory=list)

    @property
    def provider(self) -> str:
        return self.inner.provider

    @property
    def model(self) -> str:
        return self.inner.model

    def execute(self, call: LLMCall) -> Completion:
        done = self.inner.execute(call)
        text = self.answer(call, done.text) if self.answer else done.text
        control = call.context["request"].id
        self.calls.append((control, call, text))
        return Completion(text, done.prompt_tokens, done.completion_tokens, done.seconds)


def time_one(request: ControlRequest, corpus: Corpus, settings: Settings) -> tuple[float, bool]:
    started = time.perf_counter()
    generation = generate_control(request, model=OfflineModel(), corpus=corpus, settings=settings)
    return (time.perf_counter() - started) * 1000, generation.ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per control (its median is kept)")
    args = parser.parse_args(argv)
    from_bench = bench_requests(args.bench)
    requests = from_bench + seed_requests()
    corpus, settings = Corpus.load(ROOT), Settings()
    cold: dict[str, float] = {}
    warm: dict[str, float] = {}
    failed: list[str] = []
    for request in requests:
        cold[request.id], ok = time_one(request, corpus, settings)  # the warm-up: builds the service's index
        if not ok:
            failed.append(request.id)
        warm[request.id] = statistics.median(time_one(request, corpus, settings)[0] for _ in range(args.repeat))
    values = list(warm.values())
    median, p90 = statistics.median(values), percentile(values, 0.9)
    print(
        f"controls: {len(requests)} ({len(from_bench)} from {args.bench.name}, {len(requests) - len(from_bench)} seeds)"
    )
    print(f"warm ms per control: median {median:.1f}  p90 {p90:.1f}  max {max(values):.1f}")
    print(f"first run (cold service index) ms: median {statistics.median(cold.values()):.1f}")
    print("slowest warm: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(warm.items(), key=lambda kv: -kv[1])[:5]))
    if failed:
        print(f"not generated (checks failed): {', '.join(failed)}")
    verdict = "met" if median <= TARGET_MS else "MISSED"
    print(f"target median <= {TARGET_MS:.0f} ms: {verdict} (p90 {p90:.1f} ms)")
    return 0 if median <= TARGET_MS and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
