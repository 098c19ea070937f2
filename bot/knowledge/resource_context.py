"""The resource model as compact lines under each call in the Boto3 context a model sees."""

from __future__ import annotations

import json

from bot.knowledge import shapes
from bot.knowledge.botocore_index import FieldDoc
from bot.knowledge.resource_docs import key_member
from bot.knowledge.resources import Join, Listing, map_keys, not_configured_errors, resource_model
from bot.knowledge.shapes import PathError

SHOWN_IDENTIFIERS = 3
SHOWN_KEYS = 24


def call_lines(service: str, operation: str, output_keys: bool = False) -> list[str]:
    """`  lists: ...` for a listing, `  per resource: ...` for a call fed from one, then its constants and
    the errors that mean nothing is configured; with `output_keys`, the documented keys of its top-level
    maps and Key/Value lists (for a call shown without fields)."""
    model = resource_model(service)
    try:
        own, joins = model.listing(operation), model.joins(operation)
    except PathError:
        return []
    lines = []
    if own is not None and (own.parent is None or own.parent_optional):
        lines.append(f"  lists: {_listing(own)}")
    if joins:
        lines.append(f"  per resource: {_join(joins[0])}")
    errors = not_configured_errors(service, operation)
    if errors:
        lines.append(f'  not configured: error {" | ".join(errors)} (write: the error "{errors[0]}" ... means absent)')
    if output_keys:
        lines += _output_keys(service, operation)
    return lines


def _output_keys(service: str, operation: str) -> list[str]:
    output = shapes.operation(service, operation).output_shape
    lines = []
    for name, member in output.members.items() if output is not None else ():
        key = key_member(member.member) if member.type_name == "list" else None
        keyed = key is not None
        path = f"{name}[].{key}" if keyed else name
        keys = map_keys(service, operation, path) if keyed or member.type_name == "map" else ()
        if keys:
            lines.append(f'  keys of "{path}": {_shown(keys)}')
    return lines


def _shown(keys: tuple[str, ...]) -> str:
    more = f", … ({len(keys) - SHOWN_KEYS} more)" if len(keys) > SHOWN_KEYS else ""
    return ", ".join(keys[:SHOWN_KEYS]) + more


def _listing(listing: Listing) -> str:
    idents = ", ".join(f'"{i}"' for i in listing.identifiers[:SHOWN_IDENTIFIERS]) or '"@"'
    text = f'"{listing.op_ref}" at "{listing.items}" identified by {idents}'
    for name, values in listing.constants:
        default = dict(listing.default_constants())[name]
        text += f'; requires {name} one of {" | ".join(values)} (write: with "{name}" set to "{default}")'
    for name, value in listing.own:
        text += f'; only the account\'s own (write: with "{name}" set to {json.dumps(value)})'
    return text


def _join(join: Join) -> str:
    params = ", ".join(f'"{param}" from "{path}"' for param, path in join.params)
    text = f"list {_listing(join.listing)}; enrich with {params}"
    if join.constants:
        text += "; constants " + ", ".join(f'"{name}" set to "{value}"' for name, value in join.constants)
    if any(path == "@" for _, path in join.params):
        text += ' ("@" is the listed string itself; a list parameter gets a list of one)'
    return text


def key_lines(service: str, field: FieldDoc) -> list[str]:
    """The documented keys of a map or Key/Value list field, where its type line does not already show all."""
    if field.type_name not in ("map", "list") and not field.path.endswith((".Key", "Name")):
        return []
    keys = map_keys(service, field.operation, field.path)
    if not keys or set(keys) <= set(field.enum[:8]):
        return []
    return [f"     keys: {_shown(keys)}"]
