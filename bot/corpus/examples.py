"""The few-shot corpus: merged request + feature pairs under controls/, ranked by similarity to a request."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
import yaml

from bot.corpus.search_cache import SearchCache
from bot.inputs.errors import RequestError
from bot.inputs.intake import ControlRequest, load_request
from bot.inputs.services import UnknownServiceError, resolve_service
from bot.knowledge.vocabulary import tokenize
from bot.language.checker import check_feature

SAME_SERVICE_BOOST = 1.5
DRAFT_LINE = "# controlbot: draft"  # the start of the line generate writes under a draft's provenance line


@dataclass(frozen=True)
class Example:
    """One merged control: its request and feature text."""

    id: str
    service: str
    request_text: str
    feature_text: str
    search_text: str
    path: str = ""
    shown: str = ""  # the feature's path as warnings name it (relative to the repository)
    resource: str = ""  # what the request names, as it reads it


_FAST_YAML: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SEARCH_KEYS = ("title", "requirement", "resource", "category", "service")


def _quick_request(text: str) -> tuple[str, str, str] | None:
    """(service, resource, search text) from a plain reading of a request file, or None when it needs the strict reading
    (which then says what is wrong). Loading stays cheap per pair; a chosen example is read strictly."""
    try:
        data = yaml.load(text, Loader=_FAST_YAML)
    except Exception:  # PyYAML raises ValueError too (a date such as 2024-02-30): the strict reading says why
        return None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), str) for k in ("service", "resource", "requirement")
    ):
        return None
    if not all(isinstance(data.get(k), str | None) for k in _SEARCH_KEYS):
        return None
    try:
        service = resolve_service(data["service"])
    except UnknownServiceError:
        return None
    words = _joined(data.get("title"), data["requirement"], data["resource"], data.get("category"), service)
    return service, data["resource"], words


def _example(request_path: Path, root: Path, cache: SearchCache) -> Example | None:
    """The merged pair at `request_path`; None when it has no feature; CorpusSkip when the pair is unusable.
    The request is read strictly, and the feature validated, when the pair is first chosen (Corpus.nearest)."""
    feature_path = request_path.with_suffix(".feature")
    shown = feature_path.relative_to(root).as_posix()
    if not feature_path.is_file() or feature_path.is_symlink():
        return None
    try:
        request_text = request_path.read_text(encoding="utf-8")
        cached = cache.get(request_path)
        quick = cached or _quick_request(request_text)
        if quick is None:
            request = load_request(request_path)  # raises what is wrong, or reads what the plain reading could not
            quick = (request.service, request.resource, search_text(request))
        feature_text = feature_path.read_text(encoding="utf-8")
    except RequestError as error:
        named = RequestError(request_path.relative_to(root).as_posix(), error.message, error.key, error.line)
        raise CorpusSkip(f"{named}; the pair is left out of the examples") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusSkip(f"{shown}: cannot be read ({error}); the pair is left out of the examples") from None
    service, resource, text = quick
    if cached is None:
        cache.put(request_path, service, resource, text)
    return Example(request_path.stem, service, request_text, feature_text, text, str(feature_path), shown, resource)


def _validates(example: Example, left_out: list[str]) -> bool:
    """A pair whose feature has a validate error (or trips a bug in the checker) is never shown to a model, nor
    is a draft nobody has reviewed yet (it still carries its draft line)."""
    if any(line.startswith(DRAFT_LINE) for line in example.feature_text.split("\n", 3)[:3]):
        return False
    try:
        load_request(Path(example.path).with_suffix(".yaml"))
    except RequestError as error:
        left_out.append(f"{error}; the pair is left out of the examples")
        return False
    try:
        problems = check_feature(example.feature_text, example.path, example.id, example.service)
    except Exception as error:  # a merged pair that trips a bug must not stop every later run
        what = f"{type(error).__name__}: {error}"
        left_out.append(f"{example.shown}: cannot be checked ({what}); the pair is left out of the examples")
        return False
    return not any(p.severity == "error" for p in problems)


class CorpusSkip(Exception):
    """A merged pair the corpus leaves out, with the warning that says why."""


def _load_examples(paths: Iterable[Path], root: Path, cache: SearchCache) -> tuple[list[Example], list[str]]:
    examples: list[Example] = []
    skipped: list[str] = []
    for path in paths:
        try:
            example = _example(path, root, cache)
        except CorpusSkip as skip:
            skipped.append(str(skip))
            continue
        if example is not None:
            examples.append(example)
    return examples, skipped


def search_text(request: ControlRequest) -> str:
    return _joined(request.title, request.requirement, request.resource, request.category, request.service)


def _joined(*parts: str | None) -> str:
    """The words a request is found by: title, requirement, resource, category, service, in that order."""
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Corpus:
    """Examples that pass `validate`; nearest() ranks them with BM25 plus a same-service boost."""

    examples: tuple[Example, ...]
    skipped: tuple[str, ...] = ()  # one warning per merged pair left out (an unreadable request, a crash)
    validated: bool = False  # True when every example is known to validate (given by the caller)

    @classmethod
    def load(cls, root: Path, catalogue: Path | None = None, cache_file: Path | None = None) -> Corpus:
        """The repository's controls/, then the shipped catalogue's controls whose ids the repository lacks."""
        folder = root / "controls"
        cache = SearchCache(cache_file)
        examples, skipped = _load_examples(_requests(folder), root, cache)
        if catalogue is not None and catalogue.is_dir() and not _same_folder(folder, catalogue):
            own = {e.id for e in examples}
            shipped, _ = _load_examples(_requests(catalogue), catalogue, cache)
            examples += [e for e in shipped if e.id not in own]
        cache.save()
        return cls(tuple(examples), tuple(skipped))

    @classmethod
    def of(cls, examples: Iterable[Example]) -> Corpus:
        return cls(tuple(examples), validated=True)

    def nearest(self, request: ControlRequest, k: int) -> list[Example]:
        """The k closest examples that validate; a merged control being regenerated is never its own example."""
        index = self._index
        if index is None or k <= 0:
            return []
        query = list(tokenize(search_text(request))) or ["_"]
        scores = np.asarray(index.get_scores(query), dtype=float)
        examples = self.examples
        ranked = sorted(
            range(len(examples)),
            key=lambda i: (
                -(scores[i] + 1.0) * (SAME_SERVICE_BOOST if examples[i].service == request.service else 1.0),
                examples[i].id,
            ),
        )
        chosen: list[Example] = []
        for i in ranked:
            if examples[i].id != request.id and self._usable(i):
                chosen.append(examples[i])
                if len(chosen) == k:
                    break
        return chosen

    def _usable(self, i: int) -> bool:
        if self.validated:
            return True
        if i not in self._checked:
            self._checked[i] = _validates(self.examples[i], self.left_out)
        return self._checked[i]

    @functools.cached_property
    def _checked(self) -> dict[int, bool]:
        return {}

    @functools.cached_property
    def left_out(self) -> list[str]:
        """Warnings for examples found unusable when first chosen (the checker crashed on them)."""
        return []

    @functools.cached_property
    def _index(self) -> bm25s.BM25 | None:
        """The whole corpus indexed once per run, not once per request."""
        return _bm25(self.examples)


def _requests(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if not p.name.endswith(".test.yaml")) if folder.is_dir() else []


def _same_folder(one: Path, other: Path) -> bool:
    return one.is_dir() and one.resolve() == other.resolve()


def _bm25(examples: tuple[Example, ...]) -> bm25s.BM25 | None:
    if not examples:
        return None
    index = bm25s.BM25()
    index.index([list(tokenize(e.search_text)) or ["_"] for e in examples], show_progress=False)
    return index
