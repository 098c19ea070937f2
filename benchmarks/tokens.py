"""Tokens in every LLM call's prompt at default settings, for every dev benchmark entry: median and max."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.resources
import json
import math
import os
import re
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks.generation import DEFAULT_BENCH, ROOT, Recorder, bench_requests, percentile
from bot.corpus.examples import Corpus
from bot.generation.offline.engine import OfflineModel
from bot.generation.pipeline import generate_control
from bot.generation.providers.model import LLMCall
from bot.inputs.config import Settings
from bot.inputs.intake import ControlRequest

TARGET = 6000
DETAILS = """\
Each entry runs through the real pipeline with a recording model that answers like the offline engine,
except that its first plan and its first feature carry an unknown operation: so the prompts of every
kind of call are rendered (analyse, plan, plan with the checker's errors, write, repair).
Run from the repository root: `python -m benchmarks.tokens`.

Counting: tiktoken (o200k_base by default, --encoding cl100k_base for the older models), plus the
chat-format overhead of the two messages. tiktoken downloads its encoding files on first use; this
script never does, and uses, in order: (1) tiktoken's own cache (TIKTOKEN_CACHE_DIR,
DATA_GYM_CACHE_DIR or <tmp>/data-gym-cache); (2) the copy of the same file bundled in the `bpe-openai`
package, used only when its sha256 equals the hash tiktoken pins for that encoding; (3) no exact count:
two estimates, said so on the output (chars / 4, and a word-piece estimate that over-counts).
"""
TOKENS_PER_MESSAGE = 3  # OpenAI's chat format: <|start|>role<|message|>…<|end|> per message
REPLY_PRIMING = 3  # <|start|>assistant<|message|>
ENCODING_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}
ENCODING_SHA256 = {  # the hashes tiktoken itself pins (tiktoken_ext/openai_public.py)
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
_OP_REF = re.compile(r'"([a-z0-9-]+)\.([A-Za-z0-9]+)"')
_PIECES = re.compile(r"[A-Za-z]+|[0-9]+|\s+|[^A-Za-z0-9\s]")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")

Counter = Callable[[str], int]


def cache_dir() -> Path:
    for name in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"):
        if name in os.environ:
            return Path(os.environ[name])
    return Path(tempfile.gettempdir()) / "data-gym-cache"


def cached_file(encoding: str) -> Path:
    return cache_dir() / hashlib.sha1(ENCODING_URLS[encoding].encode()).hexdigest()


def bundled_ranks(encoding: str) -> bytes | None:
    """The encoding file bundled in bpe-openai, if installed and identical to the one tiktoken pins."""
    try:
        data = gzip.decompress((importlib.resources.files("bpe_openai.data") / f"{encoding}.tiktoken.gz").read_bytes())
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None
    return data if hashlib.sha256(data).hexdigest() == ENCODING_SHA256[encoding] else None


def exact_counter(encoding: str) -> tuple[Counter | None, str]:
    """tiktoken's encoder without a network download, and where its file came from; None when unavailable."""
    try:
        import tiktoken
    except ModuleNotFoundError:
        return None, "tiktoken is not installed"
    cached = cached_file(encoding)
    if cached.is_file() and hashlib.sha256(cached.read_bytes()).hexdigest() == ENCODING_SHA256[encoding]:
        source = f"tiktoken {encoding}, from its cache {cached}"
    else:
        data = bundled_ranks(encoding)
        if data is None:
            return None, (
                f"tiktoken's {encoding} file is not cached (looked for {cached}; this script never downloads it) "
                "and the bpe-openai package, which bundles it, is not installed or holds a different file"
            )
        with tempfile.TemporaryDirectory(prefix="tiktoken-") as folder:
            (Path(folder) / cached.name).write_bytes(data)
            before = os.environ.get("TIKTOKEN_CACHE_DIR")
            os.environ["TIKTOKEN_CACHE_DIR"] = folder  # tiktoken reads its cache location from here only
            try:
                encoder = tiktoken.get_encoding(encoding)
            finally:
                if before is None:
                    del os.environ["TIKTOKEN_CACHE_DIR"]
                else:
                    os.environ["TIKTOKEN_CACHE_DIR"] = before
        return (lambda text: len(encoder.encode(text, disallowed_special=()))), (
            f"tiktoken {encoding}, its file taken from the bpe-openai package (sha256 checked)"
        )
    encoder = tiktoken.get_encoding(encoding)
    return (lambda text: len(encoder.encode(text, disallowed_special=()))), source


def chars_estimate(text: str) -> int:
    """OpenAI's rule of thumb: about four characters per token of English."""
    return math.ceil(len(text) / 4)


def word_piece_estimate(text: str) -> int:
    """A deliberately high estimate: each camel-case part of a word as up to 4-letter pieces, each digit
    group of 3, each punctuation mark and each run of whitespace (beyond one space) a token."""
    total = 0
    for piece in _PIECES.findall(text):
        if piece[0].isalpha():
            total += sum(math.ceil(len(part) / 4) for part in _CAMEL.findall(piece)) or 1
        elif piece[0].isdigit():
            total += math.ceil(len(piece) / 3)
        elif piece.isspace():
            total += 0 if piece == " " else 1
        else:
            total += 1
    return total


def in_chat(count: Counter, call: LLMCall) -> int:
    """Prompt tokens of the call as a Chat Completions request: both messages with their framing."""
    messages = (("system", call.system), ("user", call.user))
    return sum(TOKENS_PER_MESSAGE + count(role) + count(text) for role, text in messages) + REPLY_PRIMING


def break_first_operation(text: str) -> str:
    """The answer with its first "<svc>.<Op>" renamed to an operation that does not exist."""
    return _OP_REF.sub(lambda m: f'"{m[1]}.{m[2]}Everything"', text, count=1)


def broken(step: str, text: str) -> str:
    if step == "plan":
        plan = json.loads(text)
        plan["setup"][0] = break_first_operation(plan["setup"][0])
        return json.dumps(plan)
    return break_first_operation(text)


def record_prompts(
    requests: list[ControlRequest], corpus: Corpus, settings: Settings
) -> list[tuple[str, LLMCall, str]]:
    """Every call of every request; the first plan and feature are broken, the repair gives the good one."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    good_feature: dict[str, str] = {}

    def answer(call: LLMCall, text: str) -> str:
        control = call.context["request"].id
        seen[(control, call.step)] += 1
        if call.step == "write":
            good_feature[control] = text
        if call.step == "repair":
            return good_feature[control]
        return broken(call.step, text) if call.step in ("plan", "write") and seen[(control, call.step)] == 1 else text

    recorder = Recorder(OfflineModel(), answer)
    for request in requests:
        generation = generate_control(request, model=recorder, corpus=corpus, settings=settings)
        if not generation.ok:
            print(f"warning: {request.id} was not generated: {generation.errors[:1]}", file=sys.stderr)
    return recorder.calls


def label(call: LLMCall, nth: int) -> str:
    return f"{call.step} (with errors)" if call.step == "plan" and nth > 1 else call.step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, epilog=DETAILS, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--encoding", choices=sorted(ENCODING_URLS), default="o200k_base")
    args = parser.parse_args(argv)
    settings = Settings()
    calls = record_prompts(bench_requests(args.bench), Corpus.load(ROOT), settings)
    exact, source = exact_counter(args.encoding)
    counters: dict[str, Counter] = {"chars/4": chars_estimate, "word-piece": word_piece_estimate}
    if exact is not None:
        counters = {"tiktoken": exact, **counters}
    defaults = f"examples={settings.examples}, retrieval_k={settings.retrieval_k}, max_repairs={settings.max_repairs}"
    print(f"{len(calls)} LLM calls from {args.bench.name} at default settings ({defaults})")
    print(f"counting: {source}" if exact else f"NO EXACT COUNT: {source}.\nFalling back to two estimates.")
    by_step: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    nth: dict[tuple[str, str], int] = defaultdict(int)
    largest: tuple[int, str] = (0, "")
    primary = "tiktoken" if exact else "word-piece"  # without an exact count, judge by the high estimate
    for control, call, _ in calls:
        nth[(control, call.step)] += 1
        kind = label(call, nth[(control, call.step)])
        for name, count in counters.items():
            tokens = in_chat(count, call)
            by_step[kind][name].append(tokens)
            by_step["every call"][name].append(tokens)
            if name == primary and tokens > largest[0]:
                largest = (tokens, f"{control} {kind}")
    names = list(counters)
    print("\n| call | n | " + " | ".join(f"{n} median | {n} p90 | {n} max" for n in names) + " |")
    print("|---|---|" + "---|---|---|" * len(names))
    for kind, values in sorted(by_step.items(), key=lambda kv: (kv[0] == "every call", kv[0])):
        cells = " | ".join(
            f"{statistics.median(values[n]):.0f} | {percentile(values[n], 0.9):.0f} | {max(values[n])}" for n in names
        )
        print(f"| {kind} | {len(values[names[0]])} | {cells} |")
    worst = max(by_step["every call"][primary])
    print(f"\nlargest prompt ({primary}): {largest[0]} tokens, {largest[1]}")
    verdict = "met" if worst <= TARGET else "MISSED"
    print(f"target every call <= {TARGET} tokens ({primary}{'' if exact else ', an estimate'}): {verdict}")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
