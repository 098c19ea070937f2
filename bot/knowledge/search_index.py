"""The per-service search index behind retrieval: BM25 over operations and field documents, plus priors."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.knowledge.bm25 import BM25
from bot.knowledge.botocore_index import (
    READ_PREFIXES,
    FieldDoc,
    OperationDoc,
    ServiceIndex,
    gc_paused,
    load_index,
)
from bot.knowledge.once import OncePerKey
from bot.knowledge.operation_policy import callable_only
from bot.knowledge.vocabulary import TokenIds, tokenize

Vector = npt.NDArray[np.float32]
Flags = npt.NDArray[np.bool_]

RESOURCE_DISCOUNT = 0.2  # a field matching only the words naming its own operation says little
DEPRECATED_PENALTY = 0.5
BOOLEAN_PRIOR = ENUM_PRIOR = 0.15  # controls assert on flags and enums ...
CONTAINER_PRIOR = -0.25  # ... rarely on a whole structure or list of structures
IDENTIFIER_PRIOR = 0.1  # the id of a listed item: what a control enriches and reports by
IDENTIFIER_SUFFIXES = ("Id", "Arn", "Name")
NAMESAKE_PRIOR = 0.1  # the setting a Get call is named after (GetEbsEncryptionByDefault: EbsEncryptionByDefault)
_VERBS = frozenset(tokenize("Get Describe List Batch Head"))
_IDENTIFIER_TEXT = "name id ids arn identifier"
_IDENTIFIER_WORDS = frozenset(tokenize(_IDENTIFIER_TEXT))
_PATH, _OPERATION, _ENUM = operator.attrgetter("path"), operator.attrgetter("operation"), operator.attrgetter("enum")
_DOCUMENTATION, _LAST = operator.attrgetter("documentation"), operator.itemgetter(2)
_SPLIT_LEAF = operator.methodcaller("rpartition", ".")  # a leaf never carries [] or *, its parent may


class SearchIndex:
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
        # ec2 has 7,312 fields: these passes map C functions over them rather than loop in Python.
        paths = list(map(_PATH, fields))
        heads, _, leaves = zip(*map(_SPLIT_LEAF, paths), strict=True) if fields else ((), (), ())
        field_op = list(map(position.__getitem__, map(_OPERATION, fields)))
        # The index shares one enum tuple per shape member: its id is a cheap key (long enums hash slowly).
        doc_keys = list(zip(leaves, map(id, map(_ENUM, fields)), map(_DOCUMENTATION, fields), strict=True))
        label_keys = list(zip(map(_LAST, map(_SPLIT_LEAF, heads)), leaves, strict=True))
        documents, labels, leaf_rows = _rows(doc_keys), _rows(label_keys), _rows(leaves)
        self.field_op = np.array(field_op, np.int32)
        self.doc_of_field = _row_array(documents, doc_keys)
        self.label_of_field = _row_array(labels, label_keys)
        self.leaf_of_field = _row_array(leaf_rows, leaves)
        container = _has_children(paths)
        corpus = _field_corpus(list(documents), {id(f.enum): f.enum for f in fields}, words)
        self.field_bm25 = _bm25(corpus, words.vocab)
        label_ids = [words.ids(parent.replace("[]", "").replace("*", "")) + words.ids(leaf) for parent, leaf in labels]
        sizes = np.fromiter(map(len, label_ids), np.int64, len(label_ids))
        self.label_row = np.repeat(np.arange(len(labels), dtype=np.int32), sizes)
        self.label_token = np.fromiter(itertools.chain.from_iterable(label_ids), np.int32, int(sizes.sum()))
        self.label_share = np.repeat(1.0 / np.maximum(sizes, 1), sizes).astype(np.float32)
        self.n_labels = len(labels)
        own, namesake = self._name_roles(list(leaves), field_op, container)
        self.field_prior = _field_priors(fields, heads, leaves, container) + NAMESAKE_PRIOR * namesake
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


def _rows(keys: Sequence[Any]) -> dict[Any, int]:
    """Each distinct key's row number, in first-seen order."""
    return dict(zip(dict.fromkeys(keys), itertools.count()))


def _row_array(rows: dict[Any, int], keys: Sequence[Any]) -> npt.NDArray[np.int32]:
    return np.fromiter(map(rows.__getitem__, keys), np.int32, len(keys))


def _op_ids(op: OperationDoc, words: TokenIds) -> list[int]:
    required = [t for p in op.params if p.required for t in words.ids(p.name)]
    return words.ids(op.name) * 3 + words.ids(op.documentation) + required


def _field_corpus(
    documents: list[tuple[str, int, str]], enums: dict[int, tuple[str, ...]], words: TokenIds
) -> list[list[int]]:
    """A field document's tokens: its leaf name three times, the words of its first 30 enum values, its doc."""
    ids = words.ids
    names = {leaf: ids(leaf) * 3 for leaf in dict.fromkeys(leaf for leaf, _, _ in documents)}
    values = {key: sorted(set(ids(" ".join(enum[:30])))) for key, enum in enums.items()}  # no word spans a space
    return [names[leaf] + values[enum] + ids(documentation) for leaf, enum, documentation in documents]


def _required_words(op: OperationDoc) -> list[frozenset[str]]:
    """The words naming each required parameter, identifier suffixes dropped (`FunctionName` -> function)."""
    named = (frozenset(tokenize(p.name)) - _IDENTIFIER_WORDS for p in op.params if p.required)
    return [words for words in named if words]


def _has_children(paths: list[str]) -> list[bool]:
    """Which fields are structures or lists of them: the index lists children right after their parent."""
    nested = [b.startswith(a) and b[len(a) : len(a) + 1] in (".", "[") for a, b in itertools.pairwise(paths)]
    return [*nested, False] if paths else []


def _field_priors(fields: list[FieldDoc], heads: Sequence[str], leaves: Sequence[str], container: list[bool]) -> Vector:
    """Controls assert on flags, enums and the ids of listed items, rarely on whole structures or lists."""
    kinds = [f.type_name for f in fields]
    enum = [bool(f.enum) and kind in ("string", "list", "map") for f, kind in zip(fields, kinds, strict=True)]
    base = np.where(enum, ENUM_PRIOR, np.where(np.array(kinds) == "boolean", BOOLEAN_PRIOR, 0.0))
    prior = np.where(container, CONTAINER_PRIOR, base)
    # `FlowLogs[].FlowLogId` or `BucketArn`: the id of a listed item or of the response itself. Decided once
    # per distinct leaf and parent path: fields share both.
    named_id = {leaf: leaf.endswith(IDENTIFIER_SUFFIXES) for leaf in set(leaves)}
    item_of = {head: not head or (head.endswith("[]") and "." not in head) for head in set(heads)}
    identifier = np.fromiter(map(named_id.__getitem__, leaves), bool, len(leaves))
    identifier &= np.fromiter(map(item_of.__getitem__, heads), bool, len(heads))
    prior += IDENTIFIER_PRIOR * identifier
    prior -= DEPRECATED_PENALTY * np.array([f.deprecated for f in fields])
    return prior.astype(np.float32)


def _bm25(corpus: list[list[int]], vocab: dict[str, int]) -> BM25:
    engine, vocab = BM25(), dict(vocab)
    if not corpus:  # bm25s cannot index nothing (some services have no read operation)
        corpus = [[vocab.setdefault("", len(vocab))]]  # the empty token: no query has it
    engine.index((corpus, vocab), show_progress=False)
    return engine


def _build_search_index(service: str) -> SearchIndex:
    index = callable_only(load_index(service))
    with gc_paused():
        return SearchIndex(index)


search_index: OncePerKey[str, SearchIndex] = OncePerKey(_build_search_index)


def prepare(service: str) -> None:
    """Build and cache everything retrieval needs for a service (the botocore index and its BM25 indexes)."""
    search_index(service)
