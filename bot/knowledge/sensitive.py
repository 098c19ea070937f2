"""Values of shapes botocore marks `sensitive`, replaced by a marker: what a report may show of a response."""

from __future__ import annotations

import re
from typing import Any

from botocore.model import Shape

from bot.knowledge import shapes

MASK = "<sensitive>"
MAX_DEPTH = 64  # deeper than any botocore shape nests; a value this deep is masked rather than walked


def masked(shape: Shape | None, value: Any, depth: int = 0) -> Any:
    """The value with everything under a `sensitive` shape replaced by MASK (members the model lacks kept)."""
    if shape is None or value is None:
        return value
    if shape.metadata.get("sensitive") or depth > MAX_DEPTH:
        return MASK
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        members = shape.members
        return {k: masked(members.get(k), v, depth + 1) for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        return [masked(shape.member, v, depth + 1) for v in value]
    if kind == "map" and isinstance(value, dict):
        if shape.key.metadata.get("sensitive"):
            return MASK
        return {k: masked(shape.value, v, depth + 1) for k, v in value.items()}
    return value


def masked_response(service: str, operation: str, response: Any) -> Any:
    """A response of `service.operation` with its sensitive values masked (unknown operation: all masked)."""
    try:
        output = shapes.operation(service, operation).output_shape
    except shapes.PathError:
        return MASK
    return masked(output, response) if output is not None else response


def masked_item(service: str, operation: str, items_path: str, item: Any) -> Any:
    """A list item of a listing response with its sensitive values masked; an item whose shape the items
    path does not name (a function, a multi-select) is masked whole."""
    try:
        typed = shapes.resolve(shapes.output_root(shapes.operation(service, operation)), items_path).shape
    except shapes.PathError:
        return MASK
    if isinstance(typed, shapes.Seq):
        typed = typed.elem
    elif isinstance(typed, Shape) and typed.type_name == "list":
        typed = typed.member
    elif isinstance(typed, Shape) and typed.type_name == "map":
        typed = typed.value
    return masked(typed, item) if isinstance(typed, Shape) else MASK


def is_sensitive(shape: Shape | None) -> bool:
    return shape is not None and bool(shape.metadata.get("sensitive"))


# Credentials a value can hold in plain text even where botocore marks nothing sensitive (a repository URL
# with a token in it, an access key in a tag): a report never prints them.
_CREDENTIALS = re.compile(
    r"(?<=://)[^/\s@:\"']+:[^/\s@\"']+(?=@)"  # user:password@ in a URL
    r"|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"  # AWS access key ids
    r"|\bgh[pousr]_[A-Za-z0-9]{20,}\b|\bgithub_pat_[A-Za-z0-9_]{20,}\b"  # GitHub tokens
    r"|\bxox[abprs]-[A-Za-z0-9-]{10,}\b"  # Slack tokens
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",  # PEM private keys
    re.DOTALL,
)


def scrub_credentials(text: str) -> str:
    """The text with anything shaped like a credential shown as <sensitive>."""
    return _CREDENTIALS.sub(MASK, text)
