"""The resource model of a service: what lists each resource type, its identifiers, and which item field
feeds each per-resource read call; derived from the botocore model and its documentation, cached."""

from __future__ import annotations

import dataclasses
import functools

from bot.knowledge import botocore_index, shapes
from bot.knowledge.resource_docs import ABSENT_ERRORS, absent_error, map_keys, not_configured_errors
from bot.knowledge.resource_joins import joins_for
from bot.knowledge.resource_listings import RawModel, find_listings, optional_scope
from bot.knowledge.resource_types import Join, Listing, noun_of

__all__ = [
    "ABSENT_ERRORS",
    "Join",
    "Listing",
    "ResourceModel",
    "absent_error",
    "map_keys",
    "not_configured_errors",
    "resource_model",
]


class ResourceModel:
    """One service's listings (root and child), and the joins of its per-resource calls, computed on demand."""

    def __init__(self, raw: RawModel, listings: tuple[Listing, ...]) -> None:
        self.service = raw.service
        self._raw = raw
        self.listings = listings
        self._by_operation = {listing.operation: listing for listing in listings}
        self.roots = [lst for lst in listings if lst.parent is None or lst.parent_optional]
        self._joins: dict[str, tuple[Join, ...]] = {}

    def listing(self, operation: str) -> Listing | None:
        """The listing `operation` makes, or None when it lists nothing (or needs more than a parent id)."""
        return self._by_operation.get(operation)

    def joins(self, operation: str) -> tuple[Join, ...]:
        """How `operation`'s required identifiers are fed from a root listing's items, best first."""
        found = self._joins.get(operation)
        if found is None:
            if operation not in self._raw.operations:
                raise shapes.PathError(f'unknown operation "{self.service}.{operation}"')
            roots = [lst for lst in self.roots if lst.parent is None]
            found = self._joins[operation] = joins_for(self._raw, operation, roots)
        return found

    def best_join(self, operation: str) -> Join | None:
        found = self.joins(operation)
        return found[0] if found else None

    def listing_for(self, noun_source: str) -> Listing | None:
        """The root listing of the resource an operation is about (`DescribeCluster` → ListClusters)."""
        noun = noun_of(noun_source)
        ranked = sorted(
            (lst for lst in self.roots if lst.parent is None and lst.noun & noun),
            key=lambda lst: (-len(lst.noun & noun) / len(lst.noun | noun), not lst.operation.startswith("List")),
        )
        return ranked[0] if ranked else None


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
        listings = [_scoped(raw, listing, by_noun) for listing in roots]
        listings += [child for child in (_child(raw, lst, need, roots) for lst, need in found if need) if child]
    return ResourceModel(raw, tuple(listings))


def _scoped(raw: RawModel, listing: Listing, by_noun: dict[frozenset[str], Listing]) -> Listing:
    scope = optional_scope(raw, listing.operation, by_noun)
    if scope is None:
        return listing
    param, parent = scope
    join = Join(listing.operation, parent, ((param, param),), (), 1.0, f"{param} scopes the listing")
    return dataclasses.replace(listing, parent=join, parent_optional=True)


def _child(raw: RawModel, listing: Listing, need: str, roots: list[Listing]) -> Listing | None:
    """A listing whose one required identifier comes from a parent listing (API Gateway stages of an API)."""
    parents = [j for j in joins_for(raw, listing.operation, roots) if j.params and j.params[0][0] == need]
    if not parents:
        return None
    return dataclasses.replace(listing, parent=parents[0])


def clear_cache() -> None:
    resource_model.cache_clear()
    map_keys.cache_clear()
