"""The resource model of a service: listings, identifiers and joins, from botocore models and docs, cached."""

from __future__ import annotations

import dataclasses
import functools
import re

from botocore.model import Shape

from bot.knowledge import botocore_index, shapes
from bot.knowledge.resource_docs import ABSENT_ERRORS, absent_error, map_keys, not_configured_errors
from bot.knowledge.resource_joins import joins_for, param_target
from bot.knowledge.resource_listings import RawModel, find_listings, identifiers_among, optional_scope
from bot.knowledge.resource_types import Join, Listing, noun_of

__all__ = [
    "ABSENT_ERRORS",
    "Join",
    "Listing",
    "ResourceModel",
    "absent_error",
    "item_identifiers",
    "map_keys",
    "not_configured_errors",
    "resource_model",
]


class ResourceModel:
    """One service's listings and the joins of its per-resource calls; child listings and joins are worked
    out when first asked for, so a build reads each operation once and scores nothing."""

    def __init__(self, raw: RawModel, roots: list[Listing], children: dict[str, tuple[Listing, str]]) -> None:
        self.service = raw.service
        self._raw = raw
        self.roots = roots
        self._by_operation: dict[str, Listing | None] = {listing.operation: listing for listing in roots}
        self._children = children
        self._joins: dict[str, tuple[Join, ...]] = {}

    @property
    def listings(self) -> tuple[Listing, ...]:
        """Every listing: root ones, then child ones whose parent could be found."""
        children = (self.listing(operation) for operation in self._children)
        return (*self.roots, *(child for child in children if child is not None))

    def listing(self, operation: str) -> Listing | None:
        """The listing `operation` makes, or None when it lists nothing (or needs more than a parent id)."""
        if operation not in self._by_operation and operation in self._children:
            listing, need = self._children[operation]
            self._by_operation[operation] = _child(self._raw, listing, need, self.roots)
        return self._by_operation.get(operation)

    def joins(self, operation: str) -> tuple[Join, ...]:
        """How `operation`'s required identifiers are fed from a root listing's items, best first."""
        found = self._joins.get(operation)
        if found is None:
            if operation not in self._raw.operations:
                raise shapes.PathError(f'unknown operation "{self.service}.{operation}"')
            own = self.listing(operation)
            if own is not None and own.parent is not None:
                found = (own.parent,)
            else:
                found = joins_for(self._raw, operation, self.roots, is_listing=own is not None)
            self._joins[operation] = found
        return found

    def target_of(self, operation: str, param: str) -> frozenset[str]:
        """The words of the resource a parameter identifies (`restApiId` → {rest, api}; a bare `name` of
        DescribeCluster → {cluster}; `ResourceArn` documented as "the ARN of the web ACL" → {web, acl})."""
        return param_target(self._raw, operation, param, self.roots)

    def best_join(self, operation: str) -> Join | None:
        found = self.joins(operation)
        return found[0] if found else None

    def listing_for(self, noun_source: str) -> Listing | None:
        """The root listing of the resource an operation is about (`DescribeCluster` → ListClusters)."""
        noun = noun_of(noun_source)
        ranked = sorted(
            (lst for lst in self.roots if lst.noun & noun),
            key=lambda lst: (-len(lst.noun & noun) / len(lst.noun | noun), not lst.operation.startswith("List")),
        )
        return ranked[0] if ranked else None


# IAM ListAccessKeys: "If the UserName is not specified, the user name is determined implicitly";
# ELBv2 DescribeListeners: "You must specify either a load balancer or one or more listeners".
_SCOPE_NEEDED = re.compile(r"must specify either|implicitly", re.IGNORECASE)


@functools.cache
def resource_model(service: str) -> ResourceModel:
    """The resource model of `service` (a boto3 client name), built once per process."""
    with botocore_index.gc_paused():
        raw = RawModel(service, botocore_index._load_raw(service)[0])
        found = find_listings(raw)
        roots = [listing for listing, needs in found if needs is None]
        by_noun: dict[frozenset[str], Listing] = {}
        for listing in sorted(roots, key=lambda lst: (not lst.operation.startswith("List"), lst.operation)):
            by_noun.setdefault(listing.noun, listing)
        scoped = [_scoped(raw, listing, by_noun) for listing in roots]
        children = {listing.operation: (listing, need) for listing, need in found if need is not None}
    return ResourceModel(raw, scoped, children)


def _scoped(raw: RawModel, listing: Listing, by_noun: dict[frozenset[str], Listing]) -> Listing:
    scope = optional_scope(raw, listing.operation, by_noun)
    if scope is None:
        return listing
    param, parent, field = scope
    join = Join(listing.operation, parent, ((param, field),), (), 1.0, f"{param} ← {field} scopes the listing")
    docs = raw.operations[listing.operation].get("documentation", "") + raw.member_doc(
        raw.input_shape(listing.operation), param
    )
    needed = _SCOPE_NEEDED.search(docs) is not None
    return dataclasses.replace(listing, parent=join, parent_optional=True, scope_needed=needed)


def _child(raw: RawModel, listing: Listing, need: str, roots: list[Listing]) -> Listing | None:
    """A listing whose one required identifier comes from a parent listing (API Gateway stages of an API)."""
    parents = [j for j in joins_for(raw, listing.operation, roots) if j.params and j.params[0][0] == need]
    if not parents:
        return None
    return dataclasses.replace(listing, parent=parents[0])


def item_identifiers(service: str, operation: str, item: Shape) -> tuple[str, ...]:
    """The identifiers of an item of `operation`'s response that the model does not list (a nested list)."""
    if item.type_name != "structure":
        return ()
    return identifiers_among({name: shape.type_name for name, shape in item.members.items()}, operation)


def clear_cache() -> None:
    resource_model.cache_clear()
    map_keys.cache_clear()
