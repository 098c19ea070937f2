"""The resource model's values (listings, joins) and the noun arithmetic they are matched by."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from botocore.model import Shape

from bot.knowledge import shapes
from bot.knowledge.vocabulary import split_words

VERBS = ("List", "Describe", "Get", "BatchGet", "Head")
ID_WORDS = frozenset({"name", "id", "identifier", "arn", "url", "names", "ids", "identifiers", "arns", "urls"})
GENERIC_WORDS = frozenset({"resource", "list", "items", "item", "summaries", "summary", "info", "detail", "details"})


SINGULAR_ENDING_IN_S = frozenset(
    {"alias", "analysis", "basis", "axis", "canvas", "chaos", "redis", "kinesis", "this", "gas", "ios", "macos", "dns",
     "aws", "sms", "sns", "sqs", "ses", "efs", "ebs", "ecs", "eks", "fsx", "kms", "https", "tls", "news"}
)  # fmt: skip


def is_plural(word: str) -> bool:
    """Whether a (lower-case) word is a plural: `apis`, `policies`, not `status`, `alias` or `access`."""
    return singular(word) != word


@functools.cache
def singular(word: str) -> str:
    """A word without its plural ending (`policies` → `policy`, `acls` → `acl`), others unchanged."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us")) and word not in SINGULAR_ENDING_IN_S and len(word) > 2:
        return word[:-1]
    return word


@functools.cache
def words_of(name: str) -> frozenset[str]:
    """The singular words of a name: `DescribeDBInstances` → {describe, db, instance}."""
    return frozenset(singular(w) for w in split_words(name))


@functools.cache
def noun_of(operation: str) -> frozenset[str]:
    """The resource an operation is about: its name without the verb (`GetRestApis` → {rest, api})."""
    for verb in VERBS:
        if operation.startswith(verb) and operation[len(verb) : len(verb) + 1].isupper():
            return words_of(operation[len(verb) :]) - GENERIC_WORDS - ID_WORDS
    return words_of(operation) - GENERIC_WORDS - ID_WORDS


@functools.cache
def _is_verb(name: str) -> bool:
    return any(name.startswith(verb) and name[len(verb) : len(verb) + 1].isupper() for verb in VERBS)


@functools.cache
def head_of(operation: str) -> str:
    """The head noun of an operation's resource, or of a parameter: its last word that is not an identifier
    or version word (`DescribeDBInstances` → instance, `ListDomainNames` → domain, `jobQueue` → queue)."""
    words = [singular(w) for w in split_words(operation)[1 if operation[:1].isupper() and _is_verb(operation) else 0 :]]
    kept = [w for w in words if w not in ID_WORDS and w not in GENERIC_WORDS and not re.fullmatch(r"v\d+", w)]
    return kept[-1] if kept else ""


def name_noun(name: str) -> frozenset[str]:
    """A parameter's or member's noun: its words less the identifier words (`restApiId` → {rest, api})."""
    return words_of(name) - ID_WORDS - {singular(w) for w in ID_WORDS} - GENERIC_WORDS


@functools.cache
def id_word(name: str) -> str:
    """The identifier word a name ends with (`ClusterArn` → "arn"), or "" for none."""
    found = split_words(name)
    last = singular(found[-1]) if found else ""
    return last if last in ID_WORDS else ""


@dataclass(frozen=True)
class Listing:
    """An operation that enumerates one resource type, and where its items are in the response."""

    service: str
    operation: str
    items: str  # as the language writes it: "Buckets", "DistributionList.Items", "Reservations[].Instances[]"
    item_shape: str | None  # botocore shape name of one item; None for a plain string item
    identifiers: tuple[str, ...]  # item members naming the listed resource, best first; ("@",) for strings
    constants: tuple[tuple[str, tuple[str, ...]], ...]  # required enum inputs and their allowed values
    parent: Join | None = None  # a child listing: its one required identifier comes from a parent's items
    parent_optional: bool = False  # the parent only scopes the call (route53 ListQueryLoggingConfigs' HostedZoneId)
    scope_needed: bool = False  # without the scoping parent the call answers for the caller only, or fails
    own: tuple[tuple[str, object], ...] = ()  # optional inputs that keep the account's own resources (OwnerIds)

    @property
    def noun(self) -> frozenset[str]:
        return noun_of(self.operation)

    @property
    def op_ref(self) -> str:
        return f"{self.service}.{self.operation}"

    @property
    def item(self) -> Shape | None:
        """The botocore shape of one item (None for a plain string)."""
        if self.item_shape is None:
            return None
        return shapes.service_model(self.service).shape_for(self.item_shape)

    def default_constants(self) -> tuple[tuple[str, object], ...]:
        return tuple((name, default_constant(values)) for name, values in self.constants) + self.own


@dataclass(frozen=True)
class Join:
    """How a per-resource read call is fed from a listing's items: parameter ← item path ("@": the item)."""

    operation: str
    listing: Listing
    params: tuple[tuple[str, str], ...]
    constants: tuple[tuple[str, str], ...]
    quality: float
    reason: str


PREFERRED_CONSTANTS = ("REGIONAL", "All", "ALL")


def default_constant(values: tuple[str, ...]) -> str:
    """The value to send for a required enum input: a regional scope or "all" where offered, else the first."""
    return next((v for v in PREFERRED_CONSTANTS if v in values), values[0] if values else "")
