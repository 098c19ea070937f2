"""The few-shot corpus: merged request + feature pairs under controls/, ranked by similarity to a request."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from bot.inputs.errors import RequestError
from bot.inputs.intake import ControlRequest, load_request
from bot.knowledge.vocabulary import tokenize
from bot.language.checker import check_feature

SAME_SERVICE_BOOST = 1.5


@dataclass(frozen=True)
class Example:
    """One merged control: its request and feature text."""

    id: str
    service: str
    request_text: str
    feature_text: str
    search_text: str


def _example(request_path: Path, root: Path) -> Example | None:
    """The merged pair at `request_path`; None when it has no feature; CorpusSkip when the pair is unusable."""
    feature_path = request_path.with_suffix(".feature")
    shown = feature_path.relative_to(root).as_posix()
    if not feature_path.is_file() or feature_path.is_symlink():
        return None
    try:
        request = load_request(request_path)
        feature_text = feature_path.read_text(encoding="utf-8")
        problems = check_feature(feature_text, str(feature_path), request.id, request.service)
        request_text = request_path.read_text(encoding="utf-8")
    except RequestError as error:
        named = RequestError(request_path.relative_to(root).as_posix(), error.message, error.key, error.line)
        raise CorpusSkip(f"{named}; the pair is left out of the examples") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusSkip(f"{shown}: cannot be read ({error}); the pair is left out of the examples") from None
    except Exception as error:  # a merged pair that trips a bug must not stop every later run
        what = f"{type(error).__name__}: {error}"
        raise CorpusSkip(f"{shown}: cannot be checked ({what}); the pair is left out of the examples") from None
    if any(p.severity == "error" for p in problems):
        return None
    return Example(request.id, request.service, request_text, feature_text, search_text(request))


class CorpusSkip(Exception):
    """A merged pair the corpus leaves out, with the warning that says why."""


def _load_examples(paths: Iterable[Path], root: Path) -> tuple[list[Example], list[str]]:
    examples: list[Example] = []
    skipped: list[str] = []
    for path in paths:
        try:
            example = _example(path, root)
        except CorpusSkip as skip:
            skipped.append(str(skip))
            continue
        if example is not None:
            examples.append(example)
    return examples, skipped


def search_text(request: ControlRequest) -> str:
    parts = (request.title, request.requirement, request.resource, request.category, request.service)
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Corpus:
    """Examples that pass `validate`; nearest() ranks them with BM25 plus a same-service boost."""

    examples: tuple[Example, ...]
    skipped: tuple[str, ...] = ()  # one warning per merged pair left out (an unreadable request, a crash)

    @classmethod
    def load(cls, root: Path) -> Corpus:
        folder = root / "controls"
        paths = (
            sorted(p for p in folder.rglob("*.yaml") if not p.name.endswith(".test.yaml")) if folder.is_dir() else []
        )
        examples, skipped = _load_examples(paths, root)
        return cls(tuple(examples), tuple(skipped))

    @classmethod
    def of(cls, examples: Iterable[Example]) -> Corpus:
        return cls(tuple(examples))

    def nearest(self, request: ControlRequest, k: int) -> list[Example]:
        if any(e.id == request.id for e in self.examples):  # regenerating a merged control: rank without it
            candidates = tuple(e for e in self.examples if e.id != request.id)
            index = _bm25(candidates)
        else:
            candidates, index = self.examples, self._index
        if not candidates or k <= 0 or index is None:
            return []
        query = list(tokenize(search_text(request))) or ["_"]
        scores = np.asarray(index.get_scores(query), dtype=float)
        ranked = sorted(
            range(len(candidates)),
            key=lambda i: (
                -(scores[i] + 1.0) * (SAME_SERVICE_BOOST if candidates[i].service == request.service else 1.0),
                candidates[i].id,
            ),
        )
        return [candidates[i] for i in ranked[:k]]

    @functools.cached_property
    def _index(self) -> bm25s.BM25 | None:
        """The whole corpus indexed once per run, not once per request."""
        return _bm25(self.examples)


def _bm25(examples: tuple[Example, ...]) -> bm25s.BM25 | None:
    if not examples:
        return None
    index = bm25s.BM25()
    index.index([list(tokenize(e.search_text)) or ["_"] for e in examples], show_progress=False)
    return index
