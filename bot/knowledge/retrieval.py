"""Rank a service's read operations and output fields for a request: BM25 over botocore docs plus priors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from bot.knowledge.botocore_index import (
    FieldDoc,
    OperationDoc,
    ServiceIndex,
    boto3_call,
    describe_field,
    load_index,
)
from bot.knowledge.resource_context import call_lines, key_lines
from bot.knowledge.search_index import SearchIndex, Vector, search_index
from bot.knowledge.vocabulary import query_weights

NAME_BOOST = 0.6  # a field whose name (leaf and parent) the query asks for
OP_NAME_BOOST = 0.5  # an operation whose name (verb aside) the query asks for
OP_FROM_FIELDS = 0.7  # an operation is as good as its best field
FIELD_FROM_OP = 0.5  # a field is as good as its operation
REQUIRED_PENALTY = 0.3  # an operation needing identifiers the request never mentions (a sub-resource)
EVERY_BOOST = 0.15  # "every X": the paginated listing of X
SAME_LEAF_CAP = 3  # top fields sharing one leaf name (the same field under many calls)
_PAGING = re.compile(r"Token|Marker|IsTruncated|^MaxKeys$|^MaxItems$|^MaxResults$")
_EVERY = re.compile(r"\b(every|all|each|any)\b", re.IGNORECASE)


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
        index, docs = load_index(self.service), search_index(self.service).field_at
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
        lines += call_lines(found.service, name, output_keys=not own)
        for f in own:
            lines.append(f"  -> {f.path}: {describe_field(f)}  # {f.documentation}".rstrip(" #"))
            lines += key_lines(found.service, f)
    return "\n".join(lines) + "\n"


def _preview(op: OperationDoc, shown: int = 5) -> str:
    """The top-level response keys of an operation none of whose fields made the list, paging keys left out."""
    keys = [p for p in op.output_paths if "." not in p and not _PAGING.search(p)]
    more = ", …" if len(keys) > shown else ""
    return f" -> {', '.join(keys[:shown])}{more}" if keys else ""


def _normalised(vector: Vector) -> Vector:
    top = float(vector.max(initial=0.0))
    return vector / top if top > 0 else vector


def _coverage(names: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weights.get(t, 0.0) for t in names) / len(names) if names else 0.0


def _operation_scores(search: SearchIndex, weights: dict[str, float], best_field: Vector, text: str) -> Vector:
    score = _normalised(search.op_scores(weights)) + OP_FROM_FIELDS * _normalised(best_field)
    names = np.array([_coverage(nouns, weights) for nouns in search.op_nouns], np.float32)
    asked = weights.keys()
    unmet = [sum(not (w & asked) for w in req) / len(req) if req else 0.0 for req in search.op_required]
    score += OP_NAME_BOOST * names - REQUIRED_PENALTY * np.array(unmet, np.float32) - search.op_penalty
    if _EVERY.search(text):
        score += EVERY_BOOST * search.op_listing
    return score


def retrieve(
    service: str, text: str, category: str | None = None, k: int = 10, same_leaf: int = SAME_LEAF_CAP
) -> Retrieval:
    """The top-k operations and top-k fields of `service` for a request's text, biased by its category; at most
    `same_leaf` fields share one leaf name."""
    search = search_index(service)
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
    top_fields = _diverse(np.argsort(-field_final, kind="stable"), search.leaf_of_field, k, same_leaf)
    return Retrieval(
        service,
        tuple(ScoredOperation(search.op_names[i], float(op_score[i])) for i in top_ops),
        tuple(_scored(fields[i], float(field_final[i])) for i in top_fields),
    )


def _diverse(order: npt.NDArray[np.intp], leaf_of_field: npt.NDArray[np.int32], k: int, cap: int) -> list[int]:
    """The first k fields in rank order, at most `cap` of one leaf name (one field in many calls)."""
    seen: dict[int, int] = {}
    kept: list[int] = []
    for i in order:
        leaf = int(leaf_of_field[i])
        if seen.get(leaf, 0) < cap:
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
