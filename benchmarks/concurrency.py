"""`controlbot generate` against a local OpenAI-compatible server answering in 300 ms: 20 requests vs 1."""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generation import DEFAULT_BENCH, ROOT, Recorder, bench_files
from bot.cli.main import main as controlbot
from bot.corpus.examples import Corpus
from bot.generation.offline.engine import OfflineModel
from bot.generation.pipeline import generate_control
from bot.inputs.config import Settings
from bot.inputs.intake import parse_request
from tests.fakes.openai_server import FakeOpenAI

TARGET_RATIO = 3.0
DETAILS = """\
The fake server answers every step validly: for each control it replays what the offline engine answers
for the same call (recorded beforehand), so the openai provider, its HTTP client and the checker all run.
Run from the repository root: `python -m benchmarks.concurrency`.
"""
_ID = re.compile(r'^id: "([a-z0-9-]+)"$', re.MULTILINE)


def recorded_answers(files: list[tuple[str, bytes]]) -> dict[tuple[str, str], list[str]]:
    """(control id, step) → the offline engine's answers, in call order."""
    recorder = Recorder(OfflineModel())
    corpus, settings = Corpus.load(ROOT), Settings()
    for path, data in files:
        generation = generate_control(parse_request(data, path), model=recorder, corpus=corpus, settings=settings)
        if not generation.ok:
            raise SystemExit(f"{path}: the offline engine cannot generate it: {generation.errors}")
    answers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for control, call, text in recorder.calls:
        answers[(control, call.step)].append(text)
    return answers


def replay(answers: dict[tuple[str, str], list[str]], step: str) -> Callable[[dict[str, Any]], str]:
    """The fake server's answer for a step: the recorded one for the control named in the request block."""
    counters: dict[str, itertools.count[int]] = defaultdict(itertools.count)
    lock = threading.Lock()

    def answer(body: dict[str, Any]) -> str:
        user = next(str(m["content"]) for m in body["messages"] if m["role"] == "user")
        found = _ID.search(user)
        control = found.group(1) if found else ""
        recorded = answers[(control, step)]
        with lock:
            index = next(counters[control])
        return recorded[index % len(recorded)] if recorded else "no answer recorded"

    return answer


def write_requests(folder: Path, files: list[tuple[str, bytes]]) -> None:
    for path, data in files:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def run_in_process(folder: Path, jobs: int) -> tuple[float, int, str]:
    """Wall time of `controlbot generate controls --force --jobs N` in this (warm) interpreter."""
    previous = Path.cwd()
    os.chdir(folder)
    out, err = io.StringIO(), io.StringIO()
    try:
        started = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = controlbot(["generate", "controls", "--force", "--jobs", str(jobs)])
        return time.perf_counter() - started, code, err.getvalue()
    finally:
        os.chdir(previous)


def run_subprocess(folder: Path, jobs: int) -> tuple[float, int, str]:
    """Wall time of the same command as a fresh process (interpreter start and imports included)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "generate", "controls", "--force", "--jobs", str(jobs)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.perf_counter() - started, done.returncode, done.stderr


def measure(
    runner: Callable[[Path, int], tuple[float, int, str]], one: Path, many: Path, jobs: int, repeat: int
) -> tuple[float, float]:
    singles, batches = [], []
    for _ in range(repeat):
        for folder, times in ((one, singles), (many, batches)):
            seconds, code, err = runner(folder, jobs)
            if code != 0:
                raise SystemExit(f"generate failed in {folder}:\n{err}")
            times.append(seconds)
    return statistics.median(singles), statistics.median(batches)


def report(files: int, jobs: int, latency: float, per_request: float, timings: dict[str, tuple[float, float]]) -> float:
    """Print the figures; the ratio of `controlbot generate` runs (what a user times) is returned."""
    print(f"requests: {files}, --jobs {jobs}, server latency {latency * 1000:.0f} ms per call")
    print(f"LLM calls per request: {per_request:.1f}")
    for name, (single, batch) in timings.items():
        print(f"{name:18} 1 request {single:.2f} s, {files} requests {batch:.2f} s, ratio {batch / single:.2f}x")
    rounds = -(-files // jobs)
    floor = rounds * per_request * latency
    print(f"floor with no compute at all: {rounds} rounds of {per_request:.0f} calls = {floor:.2f} s")
    single, batch = timings["as a subprocess:"]
    return batch / single


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, epilog=DETAILS, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds the server takes per call")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median kept)")
    args = parser.parse_args(argv)
    files = bench_files(args.bench)[: args.requests]
    if len(files) < args.requests:
        raise SystemExit(f"{args.bench}: only {len(files)} entries, {args.requests} requested")
    answers = recorded_answers(files)
    with FakeOpenAI() as server, tempfile.TemporaryDirectory() as tmp:
        for step in ("analyse", "plan", "write", "repair"):
            server.default(step, replay(answers, step))
        server.latency = args.latency
        os.environ.update(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="sk-bench", CONTROLBOT_MODEL="bench")
        os.environ.pop("CONTROLBOT_PROVIDER", None)
        one, many = Path(tmp, "one"), Path(tmp, "many")
        write_requests(one, files[:1])
        write_requests(many, files)
        run_in_process(one, args.jobs)  # warm-up: imports, client, service indexes
        timings = {
            "in process (warm):": measure(run_in_process, one, many, args.jobs, args.repeat),
            "as a subprocess:": measure(run_subprocess, one, many, args.jobs, args.repeat),
        }
    per_request = sum(len(v) for v in answers.values()) / len(files)
    ratio = report(len(files), args.jobs, args.latency, per_request, timings)
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"target ratio <= {TARGET_RATIO:.0f}x (controlbot generate, as run from a shell): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
