"""Rank a service's read operations and output fields for a request: BM25 over botocore docs plus priors."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any, Protocol

import bm25s
import numpy as np
import numpy.typing as npt

from bot.botocore_index import (
    IDENTIFIER_SUFFIXES,
    READ_PREFIXES,
    FieldDoc,
    OperationDoc,
    ServiceIndex,
    boto3_call,
    describe_field,
    gc_paused,
    has_children,
    is_item_identifier,
    load_index,
)
from bot.vocabulary import TokenIds, query_weights, tokenize

Vector = npt.NDArray[np.float32]
Flags = npt.NDArray[np.bool_]

NAME_BOOST = 0.6  # a field whose name (leaf and parent) the query asks for
OP_NAME_BOOST = 0.5  # an operation whose name (verb aside) the query asks for
OP_FROM_FIELDS = 0.7  # an operation is as good as its best field
FIELD_FROM_OP = 0.5  # a field is as good as its operation
RESOURCE_DISCOUNT = 0.2  # a field matching only the words naming its own operation says little
REQUIRED_PENALTY = 0.3  # an operation needing identifiers the request never mentions (a sub-resource)
EVERY_BOOST = 0.15  # "every X": the paginated listing of X
DEPRECATED_PENALTY = 0.5
BOOLEAN_PRIOR = ENUM_PRIOR = 0.15  # controls assert on flags and enums ...
CONTAINER_PRIOR = -0.25  # ... rarely on a whole structure or list of structures
IDENTIFIER_PRIOR = 0.1  # the id of a listed item: what a control enriches and reports by
SAME_LEAF_CAP = 3  # top fields sharing one leaf name (the same field under many calls)
NAMESAKE_PRIOR = 0.1  # the setting a Get call is named after (GetEbsEncryptionByDefault: EbsEncryptionByDefault)
_PAGING = re.compile(r"Token|Marker|IsTruncated|^MaxKeys$|^MaxItems$|^MaxResults$")
_EVERY = re.compile(r"\b(every|all|each|any)\b", re.IGNORECASE)
_VERBS = frozenset(tokenize("Get Describe List Batch Head"))
_IDENTIFIER_TEXT = "name id ids arn identifier"
_IDENTIFIER_WORDS = frozenset(tokenize(_IDENTIFIER_TEXT))


class RequestLike(Protocol):
    @property
    def title(self) -> str | None: ...
    @property
    def resource(self) -> str: ...
    @property
    def requirement(self) -> str: ...
    @property
    def notes(self) -> str | None: ...


@dataclass(frozen=True)
class ScoredOperation:
    name: str
    score: float


@dataclass(frozen=True)
class ScoredField:
    operation: str
    path: str
    score: float
    type_name: str
    enum: tuple[str, ...]


@dataclass(frozen=True)
class Retrieval:
    """The top operations and fields for one request, best first."""

    service: str
    operations: tuple[ScoredOperation, ...]
    fields: tuple[ScoredField, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "operations": [{"name": o.name, "score": round(o.score, 4)} for o in self.operations],
            "fields": [{"operation": f.operation, "path": f.path, "score": round(f.score, 4)} for f in self.fields],
        }

    def render_boto3(self, max_chars: int = 6000) -> str:
        """The operations as Boto3 calls, each with its ranked fields under it; lowest ranks cut to max_chars."""
        index, docs = load_index(self.service), _search(self.service).field_at
        order = list(dict.fromkeys([o.name for o in self.operations] + [f.operation for f in self.fields]))
        kept_ops, kept_fields = set(order), set(range(len(self.fields)))
        while True:
            text = _compose(self, index, docs, order, kept_ops, kept_fields)
            if len(text) <= max_chars:
                return text
            owners = {self.fields[i].operation for i in kept_fields}
            spare = [rank for rank, name in enumerate(order) if name in kept_ops and name not in owners and rank]
            worst_op, worst_field = max(spare, default=-1), max(kept_fields, default=-1)
            if worst_op < 0 and worst_field < 0:
                return text[: max_chars - 1].rstrip() + "…"
            if worst_op > worst_field:  # an operation at rank r outranks the field at rank r
                kept_ops.discard(order[worst_op])
            else:
                kept_fields.discard(worst_field)


def _compose(
    found: Retrieval,
    index: ServiceIndex,
    docs: dict[tuple[str, str], FieldDoc],
    order: list[str],
    kept_ops: set[str],
    kept_fields: set[int],
) -> str:
    lines = [f'client = boto3.client("{found.service}")']
    for name in order:
        own = [docs[(name, f.path)] for i, f in enumerate(found.fields) if i in kept_fields and f.operation == name]
        if name not in kept_ops and not own:
            continue
        op = index.operations[name]
        paged = "  (paginated)" if op.paginated else ""
        lines.append(f"{boto3_call(op)}{'' if own else _preview(op)}{paged}  # {op.documentation}".rstrip(" #"))
        lines += [f"  -> {f.path}: {describe_field(f)}  # {f.documentation}".rstrip(" #") for f in own]
    return "\n".join(lines) + "\n"


def _preview(op: OperationDoc, shown: int = 5) -> str:
    """The top-level response keys of an operation none of whose fields made the list, paging keys left out."""
    keys = [p for p in op.output_paths if "." not in p and not _PAGING.search(p)]
    more = ", …" if len(keys) > shown else ""
    return f" -> {', '.join(keys[:shown])}{more}" if keys else ""


class _Search:
    """BM25 over operations and over distinct field documents, plus per-field priors, for one service."""

    def __init__(self, index: ServiceIndex) -> None:
        self.index = index
        self.op_names = list(index.operations)
        ops = [index.operations[n] for n in self.op_names]
        self.op_nouns = [frozenset(tokenize(n)) - _VERBS for n in self.op_names]
        self.words = words = TokenIds()
        self._index_fields(index.fields)
        self.op_bm25 = _bm25([_op_ids(op, words) for op in ops], words.vocab)
        self.op_required = [_required_words(op) for op in ops]
        self.op_penalty = np.array([DEPRECATED_PENALTY * op.deprecated for op in ops], np.float32)
        self.op_listing = np.array([op.paginated and op.name.startswith(("List", "Describe")) for op in ops])

    def _index_fields(self, fields: list[FieldDoc]) -> None:
        """Fields sharing leaf name, enum and doc (a shape reused across operations) share one BM25 document."""
        words, position = self.words, {name: i for i, name in enumerate(self.op_names)}
        splits = [f.path.rpartition(".") for f in fields]  # a leaf never carries [] or *, its parent may
        leaves = [leaf for _, _, leaf in splits]
        field_op = [position[f.operation] for f in fields]
        # The index shares one enum tuple per shape member: its id is a cheap key (long enums hash slowly).
        doc_keys = [(leaf, id(f.enum), f.documentation) for leaf, f in zip(leaves, fields, strict=True)]
        documents = _rows(doc_keys)
        label_keys = [(head.rpartition(".")[2], leaf) for head, _, leaf in splits]
        labels, leaf_rows = _rows(label_keys), _rows(leaves)
        self.field_op = np.array(field_op, np.int32)
        self.doc_of_field = np.array([documents[key] for key in doc_keys], np.int32)
        self.label_of_field = np.array([labels[key] for key in label_keys], np.int32)
        self.leaf_of_field = np.array([leaf_rows[leaf] for leaf in leaves], np.int32)
        container = has_children(fields)
        enums = {id(f.enum): f.enum for f in fields}
        corpus = [_field_ids(leaf, enums[enum], doc, words) for leaf, enum, doc in documents]
        self.field_bm25 = _bm25(corpus, words.vocab)
        label_ids = [words.ids(parent.replace("[]", "").replace("*", "")) + words.ids(leaf) for parent, leaf in labels]
        sizes = np.array([len(ids) for ids in label_ids], np.int64)
        self.label_row = np.repeat(np.arange(len(labels), dtype=np.int32), sizes)
        self.label_token = np.fromiter(itertools.chain.from_iterable(label_ids), np.int32, int(sizes.sum()))
        self.label_share = np.repeat(1.0 / np.maximum(sizes, 1), sizes).astype(np.float32)
        self.n_labels = len(labels)
        own, namesake = self._name_roles(leaves, field_op, container)
        self.field_prior = _field_priors(fields, container) + NAMESAKE_PRIOR * namesake
        self.not_identity = ~own

    def _name_roles(self, leaves: list[str], field_op: list[int], container: list[bool]) -> tuple[Flags, Flags]:
        """Per field: does its name only restate its call's resource (`GroupId`, `SecurityGroups` from
        DescribeSecurityGroups), and is it the setting a call is named after (GetEbsEncryptionByDefault)?"""
        ids = self.words.ids  # the leaves were tokenised for the labels already: mostly lookups
        verbs, identifiers = set(ids(" ".join(READ_PREFIXES))), set(ids(_IDENTIFIER_TEXT))
        op_nouns = [frozenset(ids(name)) - verbs for name in self.op_names]
        words = {leaf: frozenset(ids(leaf)) for leaf in set(leaves)}
        core = {leaf: named - identifiers for leaf, named in words.items()}
        own, namesake = [], []
        for leaf, op, parent in zip(leaves, field_op, container, strict=True):
            nouns = op_nouns[op]
            if parent or leaf.endswith(IDENTIFIER_SUFFIXES):
                own.append(core[leaf] <= nouns)
                namesake.append(False)
            else:
                own.append(False)
                namesake.append(len(words[leaf] & nouns) >= max(2, 0.6 * len(words[leaf])))
        return np.array(own, bool), np.array(namesake, bool)

    @functools.cached_property
    def field_at(self) -> dict[tuple[str, str], FieldDoc]:
        return {(f.operation, f.path): f for f in self.index.fields}

    def op_scores(self, weights: dict[str, float]) -> Vector:
        total = np.zeros(len(self.op_names), dtype=np.float32)
        for token, weight in weights.items():
            token_id = self.op_bm25.vocab_dict.get(token)
            if token_id is not None:
                total += weight * self.op_bm25.get_scores_from_ids([token_id])
        return total

    def in_op_names(self, token: str) -> Flags:
        """For every field: is the token a word of the name of the field's operation?"""
        return np.fromiter((token in nouns for nouns in self.op_nouns), bool, len(self.op_nouns))[self.field_op]

    def field_scores(self, weights: dict[str, float]) -> Vector:
        """BM25 over fields where a word naming the field's own operation (the resource) counts less."""
        total = np.zeros(len(self.field_op), dtype=np.float32)
        for token, weight in weights.items():
            token_id = self.field_bm25.vocab_dict.get(token)
            if token_id is not None:
                factor = weight * (1.0 - RESOURCE_DISCOUNT * self.in_op_names(token))
                total += factor * self.field_bm25.get_scores_from_ids([token_id])[self.doc_of_field]
        return total

    def label_coverage(self, weights: dict[str, float]) -> Vector:
        """Share of each field's name (leaf and parent) the query asks for; own-operation words count less."""
        total = np.zeros(len(self.field_op), dtype=np.float32)
        for token, weight in weights.items():
            token_id = self.words.vocab.get(token)
            if token_id is not None:
                rows = self.label_token == token_id
                share = np.bincount(self.label_row[rows], self.label_share[rows], self.n_labels)[self.label_of_field]
                total += weight * share * (1.0 - RESOURCE_DISCOUNT * self.in_op_names(token))
        return total * self.not_identity


def _rows(keys: list[Any]) -> dict[Any, int]:
    """Each distinct key's row number, in first-seen order."""
    return {key: row for row, key in enumerate(dict.fromkeys(keys))}


def _op_ids(op: OperationDoc, words: TokenIds) -> list[int]:
    required = [t for p in op.params if p.required for t in words.ids(p.name)]
    return words.ids(op.name) * 3 + words.ids(op.documentation) + required


def _field_ids(leaf: str, enum: tuple[str, ...], documentation: str, words: TokenIds) -> list[int]:
    values = {t for value in enum[:30] for t in words.ids(value)}
    return words.ids(leaf) * 3 + sorted(values) + words.ids(documentation)


def _required_words(op: OperationDoc) -> list[frozenset[str]]:
    """The words naming each required parameter, identifier suffixes dropped (`FunctionName` -> function)."""
    named = (frozenset(tokenize(p.name)) - _IDENTIFIER_WORDS for p in op.params if p.required)
    return [words for words in named if words]


def _field_priors(fields: list[FieldDoc], container: list[bool]) -> Vector:
    """Controls assert on flags, enums and the ids of listed items, rarely on whole structures or lists."""
    paths = [f.path for f in fields]
    kinds = [f.type_name for f in fields]
    enum = [bool(f.enum) and kind in ("string", "list", "map") for f, kind in zip(fields, kinds, strict=True)]
    base = np.where(enum, ENUM_PRIOR, np.where(np.array(kinds) == "boolean", BOOLEAN_PRIOR, 0.0))
    prior = np.where(container, CONTAINER_PRIOR, base)
    prior += IDENTIFIER_PRIOR * np.array([is_item_identifier(p) for p in paths])
    prior -= DEPRECATED_PENALTY * np.array([f.deprecated for f in fields])
    return prior.astype(np.float32)


def _bm25(corpus: list[list[int]], vocab: dict[str, int]) -> bm25s.BM25:
    engine, vocab = bm25s.BM25(), dict(vocab)
    if not corpus:  # bm25s cannot index nothing (some services have no read operation)
        corpus = [[vocab.setdefault("", len(vocab))]]  # the empty token: no query has it
    engine.index((corpus, vocab), show_progress=False)
    return engine


@functools.cache
def _search(service: str) -> _Search:
    index = load_index(service)
    with gc_paused():
        return _Search(index)


def prepare(service: str) -> None:
    """Build and cache everything retrieval needs for a service (the botocore index and its BM25 indexes)."""
    _search(service)


def _normalised(vector: Vector) -> Vector:
    top = float(vector.max(initial=0.0))
    return vector / top if top > 0 else vector


def _coverage(names: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weights.get(t, 0.0) for t in names) / len(names) if names else 0.0


def _operation_scores(search: _Search, weights: dict[str, float], best_field: Vector, text: str) -> Vector:
    score = _normalised(search.op_scores(weights)) + OP_FROM_FIELDS * _normalised(best_field)
    names = np.array([_coverage(nouns, weights) for nouns in search.op_nouns], np.float32)
    asked = weights.keys()
    unmet = [sum(not (w & asked) for w in req) / len(req) if req else 0.0 for req in search.op_required]
    score += OP_NAME_BOOST * names - REQUIRED_PENALTY * np.array(unmet, np.float32) - search.op_penalty
    if _EVERY.search(text):
        score += EVERY_BOOST * search.op_listing
    return score


def retrieve(service: str, text: str, category: str | None = None, k: int = 10) -> Retrieval:
    """The top-k operations and top-k fields of `service` for a request's text, biased by its category."""
    search = _search(service)
    if not search.op_names:
        return Retrieval(service, (), ())
    weights = query_weights(text, category, ignore=service)
    field_score = _normalised(search.field_scores(weights))
    field_score += NAME_BOOST * search.label_coverage(weights) + search.field_prior
    best_field = np.zeros(len(search.op_names), dtype=np.float32)
    np.maximum.at(best_field, search.field_op, field_score)
    op_score = _operation_scores(search, weights, best_field, text)
    field_final = field_score + FIELD_FROM_OP * op_score[search.field_op]
    fields = search.index.fields
    top_ops = np.argsort(-op_score, kind="stable")[:k]
    top_fields = _diverse(np.argsort(-field_final, kind="stable"), search.leaf_of_field, k)
    return Retrieval(
        service,
        tuple(ScoredOperation(search.op_names[i], float(op_score[i])) for i in top_ops),
        tuple(_scored(fields[i], float(field_final[i])) for i in top_fields),
    )


def _diverse(order: npt.NDArray[np.intp], leaf_of_field: npt.NDArray[np.int32], k: int) -> list[int]:
    """The first k fields in rank order, at most SAME_LEAF_CAP of one leaf name (one field in many calls)."""
    seen: dict[int, int] = {}
    kept: list[int] = []
    for i in order:
        leaf = int(leaf_of_field[i])
        if seen.get(leaf, 0) < SAME_LEAF_CAP:
            seen[leaf] = seen.get(leaf, 0) + 1
            kept.append(int(i))
            if len(kept) == k:
                break
    return kept


def _scored(field: FieldDoc, score: float) -> ScoredField:
    return ScoredField(field.operation, field.path, score, field.type_name, field.enum)


def request_query(request: RequestLike) -> str:
    """The text retrieval ranks against: title, resource, requirement and notes of a control request."""
    parts = (request.title, request.resource, request.requirement, request.notes)
    return "\n".join(p.strip() for p in parts if p and p.strip())
