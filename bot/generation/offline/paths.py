"""How the planner reads a field's path: enabled elements only, a map's flag, a named key, documented values, age."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from botocore.model import OperationModel

from bot.generation.offline.reading import mention
from bot.knowledge import shapes
from bot.knowledge.retrieval import ScoredField

PAGING_FIELD = re.compile(r"^(NextToken|nextToken|Marker|NextMarker|IsTruncated|MaxItems|MaxResults|NextPageToken)$")
RECENCY_WEIGHT = 0.3  # the last member of a large structure loses this much against the first
RECENT_MIN_MEMBERS = 8
_VALUES_SENTENCE = re.compile(
    r"(?:valid|possible|allowed|supported|accepted) values?(?: are| is| include)?:?[^.]*\.?|"
    r"(?:valid|possible|allowed|supported|accepted) [a-z]+s (?:are|include):[^.]*\.?|"
    r"(?:level|mode|type|status|protocol)[^.<]{0,40}:\s*[A-Z_]+(?:,\s*[A-Z_]+)*,?\s*(?:or|and)\s+[A-Z_]+",
    re.IGNORECASE,
)
_CODE = re.compile(r"<code>([^<]+)</code>")
_CAPS = re.compile(r"\b([A-Z][A-Z_]{1,})\b")


def _enabled_flag(members: dict[str, Any]) -> str | None:
    """The on/off member of a structure (`enabled`, `Enabled`), if it has one."""
    return next((n for n, m in members.items() if n.lower() == "enabled" and m.type_name == "boolean"), None)


def enabled_elements(op: OperationModel, field: str, path: str) -> str:
    """A list inside list elements that carry an on/off flag (EKS `clusterLogging[].types` with `enabled`):
    only the enabled elements count, and their lists are flattened (`clusterLogging[?enabled].types[]`)."""
    head, sep, leaf = field.rpartition("[].")
    if not sep or "[]" in leaf or "." in leaf:
        return path
    try:
        resolved = shapes.resolve(shapes.output_root(op), f"{head}[]")
    except shapes.PathError:
        return path
    item = resolved.leaf
    members = dict(getattr(item, "members", None) or {})
    flag = _enabled_flag(members)
    if flag is None or members.get(leaf) is None or members[leaf].type_name != "list":
        return path
    return f"{path[: -len(leaf) - 3]}[?{flag}].{leaf}[]"


def flagged_map(op: OperationModel, scored: ScoredField, path: str) -> tuple[ScoredField, str]:
    """A map of settings that each carry an on/off flag (LogPublishingOptions → {Enabled, …}): the flag of
    each key is what a control checks, not that the map has the key."""
    if scored.type_name != "map":
        return scored, path
    try:
        shape = shapes.resolve(shapes.output_root(op), scored.path).leaf
    except shapes.PathError:
        return scored, path
    value = getattr(shape, "value", None)
    members = dict(getattr(value, "members", None) or {})
    flag = _enabled_flag(members)
    if flag is None:
        return scored, path
    return replace(scored, path=f"{scored.path}.*.{flag}", type_name="boolean", enum=()), f"{path}.*.{flag}"


def named_key(op: OperationModel, field: str, path: str, requirement: str) -> str:
    """A map whose keys are an enum (OpenSearch LogPublishingOptions: AUDIT_LOGS, …): the key the requirement
    names replaces the `*` that stands for every key."""
    head, sep, _ = field.partition(".*")
    if not sep or ".*" not in path:
        return path
    try:
        shape = shapes.resolve(shapes.output_root(op), head).leaf
    except shapes.PathError:
        return path
    keys = shapes.enum_of(getattr(shape, "key", None))
    named = [k for k in keys if mention(k, requirement) == 1]
    return path.replace(".*", f".{named[0]}", 1) if len(named) == 1 else path


def recency(op: OperationModel, path: str) -> float:
    """botocore appends new members to a structure: among many, the last ones are the most recent features,
    rarely what a control is about (`endpointAccessMode` after `endpointConfiguration`). The most recent
    segment of the path counts (`DistributionConfig.ViewerMtlsConfig.Mode`)."""
    segments = [s for s in path.replace("[]", "").split(".") if s]
    worst = 0.0
    for depth, leaf in enumerate(segments):
        parent = ".".join(segments[:depth])
        try:
            shape = shapes.resolve(shapes.output_root(op), parent).leaf if parent else op.output_shape
        except shapes.PathError:
            return worst
        while shape is not None and shape.type_name == "list":
            shape = shape.member
        members = list(getattr(shape, "members", None) or [])
        if len(members) >= RECENT_MIN_MEMBERS and leaf in members:
            worst = max(worst, RECENCY_WEIGHT * members.index(leaf) / (len(members) - 1))
    return worst


def documented_values(op: OperationModel, scored: ScoredField) -> ScoredField:
    """A string field whose documentation lists its values ("Valid values are <code>OFF</code>, <code>ERROR</code>,
    and <code>INFO</code>", API Gateway loggingLevel) is read as an enum of them."""
    if scored.enum or scored.type_name != "string":
        return scored
    try:
        leaf = shapes.resolve(shapes.output_root(op), scored.path).leaf
    except shapes.PathError:
        return scored
    parent_doc = _member_doc(op, scored.path)
    values = _listed_values(parent_doc or (leaf.documentation if leaf is not None else "") or "")
    values = values or _input_values(op, scored.path.rsplit(".", 1)[-1].replace("[]", ""))
    return replace(scored, enum=values) if len(values) >= 2 else scored


def _input_values(op: OperationModel, name: str) -> tuple[str, ...]:
    """Values a parameter of the same name lists where the service takes it as input: a response often
    documents none (SNS ListSubscriptions' Protocol), the call that sets it does (Subscribe)."""
    model = op.service_model
    for other in model.operation_names:
        shape = model.operation_model(other).input_shape
        member = shape.members.get(name) if shape is not None else None
        if member is not None and member.type_name == "string" and not getattr(member, "enum", None):
            values = _listed_values(str(member.documentation or ""))
            if len(values) >= 2:
                return values
    return ()


def _member_doc(op: OperationModel, path: str) -> str:
    """The documentation on the member itself (botocore keeps it on the reference, not on a shared shape)."""
    parent, _, leaf = path.replace("[]", "").rpartition(".")
    try:
        holder = shapes.resolve(shapes.output_root(op), parent).leaf if parent else op.output_shape
    except shapes.PathError:
        return ""
    while holder is not None and holder.type_name in ("list", "map"):
        holder = holder.member if holder.type_name == "list" else holder.value
    member = (getattr(holder, "members", None) or {}).get(leaf)
    return str(getattr(member, "documentation", "") or "")


def _listed_values(html: str) -> tuple[str, ...]:
    sentence = _VALUES_SENTENCE.search(html)
    if sentence is None:
        return ()
    found = _CODE.findall(sentence[0]) or _CAPS.findall(sentence[0].split(":", 1)[-1])
    return tuple(dict.fromkeys(v.strip() for v in found if v.strip() and len(v) <= 40))


def flattened(path: str) -> str:
    """`item[].methodSettings.*.loggingLevel` gives one list per stage; `.*[]` flattens them so that each
    method setting is one element (`item[].methodSettings.*[].loggingLevel`)."""
    head, sep, tail = path.partition("[]")
    return head + sep + tail.replace(".*.", ".*[].") if sep else path
