"""The shipped catalogue: tested controls (request, feature, test cases) installed with controlbot."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from bot.corpus.examples import search_text
from bot.inputs.control_tests import SUFFIX
from bot.inputs.errors import RequestError
from bot.inputs.intake import ControlRequest, find_requests, load_request
from bot.inputs.provenance import read_provenance
from bot.knowledge.vocabulary import tokenize

# In a checkout bot/catalogue links to controls/; a wheel carries the files themselves (see pyproject.toml).
CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue"


@dataclass(frozen=True)
class Entry:
    """One catalogue control and where its files are."""

    request: ControlRequest
    request_path: Path
    feature_path: Path

    @property
    def id(self) -> str:
        return self.request.id

    @property
    def service(self) -> str:
        return self.request.service

    @property
    def tests_path(self) -> Path | None:
        path = self.feature_path.with_name(self.id + SUFFIX)
        return path if path.is_file() else None

    @property
    def provenance(self) -> tuple[str, str]:
        """(provider, review verdict): how the control came to be; a control written by hand is ("human", "")."""
        read = read_provenance(self.feature_path.read_text(encoding="utf-8"))
        return read.get("provider", "human"), read.get("review", "")

    def as_dict(self) -> dict[str, object]:
        request = self.request
        return {
            "id": self.id,
            "service": self.service,
            "title": request.title,
            "resource": request.resource,
            "severity": request.severity,
            "category": request.category,
            "frameworks": list(request.frameworks or ()),
            "feature": self.feature_path.as_posix(),
            "tested": self.tests_path is not None,
        }


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]
    skipped: tuple[str, ...] = ()  # a request that does not load is said, not silently dropped

    @classmethod
    def load(cls, root: Path = CATALOGUE) -> Catalogue:
        entries: list[Entry] = []
        skipped: list[str] = []
        for path in find_requests([root]) if root.is_dir() else []:
            feature = path.with_suffix(".feature")
            if not feature.is_file():
                continue
            try:
                entries.append(Entry(load_request(path), path, feature))
            except RequestError as error:
                skipped.append(str(error))
        return cls(tuple(entries), tuple(skipped))

    @property
    def services(self) -> set[str]:
        return {e.service for e in self.entries}

    def get(self, control_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == control_id), None)

    def select(
        self, services: Iterable[str] = (), frameworks: Iterable[str] = (), severities: Iterable[str] = ()
    ) -> list[Entry]:
        """Entries of any given service, framework (a whole reference or its prefix, e.g. NIST-800-53) and severity."""
        wanted_services, wanted_severities = set(services), set(severities)
        prefixes = list(frameworks)
        return [
            e
            for e in self.entries
            if (not wanted_services or e.service in wanted_services)
            and (not wanted_severities or e.request.severity in wanted_severities)
            and (not prefixes or any(framework_matches(ref, p) for ref in e.request.frameworks or () for p in prefixes))
        ]

    def search(self, text: str, k: int = 10) -> list[tuple[Entry, float]]:
        """The entries whose requests read most like the text (BM25)."""
        if self._index is None:
            return []
        scores = np.asarray(self._index.get_scores(list(tokenize(text)) or ["_"]), dtype=float)
        ranked = sorted(range(len(self.entries)), key=lambda i: (-scores[i], self.entries[i].id))
        return [(self.entries[i], float(scores[i])) for i in ranked[:k] if scores[i] > 0]

    @functools.cached_property
    def _index(self) -> bm25s.BM25 | None:
        if not self.entries:
            return None
        index = bm25s.BM25()
        index.index([list(tokenize(_search_text(e.request))) or ["_"] for e in self.entries], show_progress=False)
        return index


VERDICTS = ("accepted", "edited", "rewritten")


def ledger_table(entries: Iterable[Entry]) -> str:
    """How each control came to be, per provider: drafts accepted as generated, edited, rewritten; by hand."""
    counts: dict[str, Counter[str]] = {}
    for entry in entries:
        provider, verdict = entry.provenance
        counts.setdefault(provider, Counter())[verdict if verdict in VERDICTS else "unreviewed"] += 1
    head = "| provider | accepted as generated | edited | rewritten | by hand or unreviewed | total |"
    rows = [head, "|---|---:|---:|---:|---:|---:|"]
    for provider, count in sorted(counts.items()):
        cells = [count[v] for v in VERDICTS] + [count["unreviewed"], sum(count.values())]
        rows.append(f"| {provider} | " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def framework_matches(reference: str, wanted: str) -> bool:
    """A framework filter names a whole reference or a prefix of one, in any case: NIST-800-53, AWS-FSBP:S3."""
    reference, wanted = reference.lower(), wanted.lower().rstrip(":")
    return reference == wanted or reference.startswith(wanted + ":") or reference.startswith(wanted + ".")


def _search_text(request: ControlRequest) -> str:
    """What the corpus finds a request by, and its notes: catalogue search reads those too."""
    return " ".join(p for p in (search_text(request), request.notes) if p)
