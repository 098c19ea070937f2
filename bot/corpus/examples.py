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


def _example(request_path: Path) -> Example | None:
    feature_path = request_path.with_suffix(".feature")
    if not feature_path.is_file() or feature_path.is_symlink():
        return None
    try:
        request = load_request(request_path)
        feature_text = feature_path.read_text(encoding="utf-8")
    except (RequestError, OSError, UnicodeDecodeError):
        return None
    problems = check_feature(feature_text, str(feature_path), request.id, request.service)
    if any(p.severity == "error" for p in problems):
        return None
    return Example(
        request.id,
        request.service,
        request_path.read_text(encoding="utf-8"),
        feature_text,
        search_text(request),
    )


def search_text(request: ControlRequest) -> str:
    parts = (request.title, request.requirement, request.resource, request.category, request.service)
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Corpus:
    """Examples that pass `validate`; nearest() ranks them with BM25 plus a same-service boost."""

    examples: tuple[Example, ...]

    @classmethod
    def load(cls, root: Path) -> Corpus:
        folder = root / "controls"
        paths = sorted(folder.rglob("*.yaml")) if folder.is_dir() else []
        return cls.of(e for e in map(_example, paths) if e is not None)

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
