"""Which listing feeds a per-resource read call, and which item field goes into each of its parameters."""

from __future__ import annotations

import re

from bot.knowledge.doc_text import TAG
from bot.knowledge.resource_listings import RawModel
from bot.knowledge.resource_types import (
    Join,
    Listing,
    default_constant,
    head_of,
    id_word,
    name_noun,
    noun_of,
    singular,
)
from bot.knowledge.vocabulary import split_words

# The identifier words a parameter ending in one accepts from an item, best first.
_ACCEPTS = {
    "identifier": ("identifier", "id", "name", "arn"),
    "id": ("id", "identifier"),
    "name": ("name", "identifier"),
    "arn": ("arn",),
    "url": ("url",),
}
_ARN = r"\b(?:arn|amazon resource name)\b"
_NAME_OR_ARN = re.compile(
    rf"\bname\b[^.]{{0,40}}\b(?:or|and)\b[^.]{{0,20}}{_ARN}|{_ARN}[^.]{{0,40}}\bor\b[^.]{{0,20}}\bname\b", re.IGNORECASE
)
_MUST_ARN = re.compile(
    rf"\bmust (?:specify|use|provide) (?:its|the|an?) [^.]{{0,30}}{_ARN}|{_ARN} must be specified", re.I
)
NOUN_WEIGHT = 0.6  # the listing lists the resource the call is about (ListClusters for DescribeCluster)
LIST_VERB_BONUS = 0.05  # a List call is the canonical enumeration where Describe and Get also list


def param_target(raw: RawModel, operation: str, param: str, listings: list[Listing]) -> frozenset[str]:
    """The resource a parameter identifies: its own noun (`restApiId`), else the listed resource its
    documentation names (`ResourceArn`: "The ARN of the web ACL"), else the operation's resource."""
    own = name_noun(param)
    if own:
        return own
    doc = TAG.sub(" ", raw.member_doc(raw.input_shape(operation), param)).lower()
    named = []
    for listing in listings:
        found = re.search(rf"\b{' '.join(_ordered(listing))}s?\b", doc) if listing.noun else None
        if found:
            named.append((found.start(), found.end(), listing.noun))
    starts = {start for start, _, _ in named}
    # "build" in "build projects" is a modifier of the next resource named, not the subject
    heads = [(start, -len(noun), noun) for start, end, noun in named if end + 1 not in starts]
    return min(heads)[2] if heads else noun_of(operation)  # the first resource named is the subject


def _ordered(listing: Listing) -> list[str]:
    """The listing noun's words in their order in the name (so "web acl" is looked for, not "acl web")."""
    return [w for w in _words_in_order(listing.operation) if w in listing.noun]


def _words_in_order(operation: str) -> list[str]:
    return [singular(w) for w in split_words(operation)]


def supply(
    raw: RawModel, operation: str, param: str, target: frozenset[str], listing: Listing
) -> tuple[float, str] | None:
    """Where a listed item holds the value for `param`, with a confidence; only ever an identifier of the
    listed resource, never another resource's identifier the item happens to carry."""
    about = len(target & listing.noun) / max(len(target | listing.noun), 1)
    # every word of what is listed is the parameter's resource or the call's (ListAccounts does not feed
    # DescribeHandshake's HandshakeId, nor ListQueryExecutions GetCalculationExecutionCode)
    explained = bool(listing.noun) and listing.noun <= target | noun_of(operation)
    if listing.item_shape is None:
        return (0.6 + 0.4 * about, "@") if explained else None
    doc = raw.member_doc(raw.input_shape(operation), param)
    arns = [m for m in listing.identifiers if id_word(m) == "arn"]
    takes_arn = bool(arns) and explained and _NAME_OR_ARN.search(doc) is not None
    if takes_arn and _must_use_arn(doc):  # a name is not enough everywhere (CloudTrail's shadow trails)
        return 0.95, arns[0]
    exact = [m for m in listing.identifiers if m.lower() == param.lower() and (explained or name_noun(m))]
    if exact:
        return 1.0, exact[0]
    if takes_arn:  # either is accepted and the item's name is not named like the parameter: the ARN is exact
        return 0.75, arns[0]
    word = id_word(param).rstrip("s")
    if word:
        for accepted in _ACCEPTS.get(word, ()):
            found = [m for m in listing.identifiers if id_word(m).rstrip("s") == accepted]
            if found and (explained if not name_noun(found[0]) else target <= listing.noun):
                return 0.8 - 0.05 * _ACCEPTS[word].index(accepted), found[0]
        return None
    if explained and head_of(param) in listing.noun and listing.identifiers:  # jobQueue, not ConfigurationRevision
        return 0.7, listing.identifiers[0]
    return None


def _must_use_arn(doc: str) -> bool:
    """Whether the docs require the ARN for some listed resources; another account's (KMS) are never listed."""
    for sentence in re.split(r"(?<=[.])\s", TAG.sub(" ", doc)):
        if _MUST_ARN.search(sentence) and "account" not in sentence.lower():
            return True
    return False


def noun_fit(target: frozenset[str], listing: Listing, operation: str) -> float:
    """How much the listing lists what the parameters identify; a listing's extra words count for it when the
    operation's name has them too (ListGraphqlApis for GetGraphqlApi's apiId, ListClustersV2 for ...V2)."""
    op_noun = noun_of(operation)
    extra = listing.noun - op_noun
    primary = len(target & listing.noun) / max(len(target | extra), 1)
    return primary + 0.1 * len(listing.noun & op_noun) / max(len(listing.noun | op_noun), 1)


def joins_for(raw: RawModel, operation: str, roots: list[Listing], is_listing: bool = False) -> tuple[Join, ...]:
    """Every listing that can feed `operation`'s required inputs (or, with none, its optional identifier of
    its own resource: IAM GetUser's UserName), best first."""
    shape = raw.input_shape(operation)
    constants, params = [], []
    for name in raw.required(operation):
        enum = tuple(raw.member_shape(shape, name).get("enum", ()))
        if enum:
            constants.append((name, default_constant(enum)))
        else:
            params.append(name)
    if not params:
        params = own_optional_identifier(raw, operation, is_listing)
    if not params:
        return ()
    targets = {p: param_target(raw, operation, p, roots) for p in params}
    found = []
    for listing in roots:
        if listing.operation == operation:
            continue
        supplies = [supply(raw, operation, p, targets[p], listing) for p in params]
        if any(s is None for s in supplies) or len({s[1] for s in supplies if s}) < len(params):
            continue  # one listed resource has one identity: two parameters are never both fed its id
        pairs = tuple((p, s[1]) for p, s in zip(params, supplies, strict=True) if s is not None)
        quality = sum(s[0] for s in supplies if s is not None) / len(params)
        fit = noun_fit(frozenset().union(*targets.values()), listing, operation)
        score = quality + NOUN_WEIGHT * fit + LIST_VERB_BONUS * listing.operation.startswith("List")
        reason = f"{listing.operation} lists {' '.join(sorted(listing.noun)) or 'items'}; " + ", ".join(
            f"{p} ← {path}" for p, path in pairs
        )
        found.append(Join(operation, listing, pairs, tuple(constants), round(score, 3), reason))
    found.sort(key=lambda j: (-j.quality, j.listing.parent is not None, j.listing.operation))
    return tuple(found)


_DEMANDED = re.compile(r"\byou must (?:specify|provide)\b", re.IGNORECASE)
_DEFAULT_ASSUMED = re.compile(r"\bdefault \w+ is (?:assumed|used)|implicitly|defaults to the", re.IGNORECASE)


def own_optional_identifier(raw: RawModel, operation: str, is_listing: bool) -> list[str]:
    """An optional input naming the operation's own resource, without which the call answers for one default
    resource only (IAM GetUser: the caller; ECS DescribeClusters: the default cluster), not for every one."""
    shape = raw.input_shape(operation)
    noun = noun_of(operation)
    for name in shape.get("members", {}):
        own = name_noun(name) or (noun if id_word(name) else frozenset())
        defaulted = _DEFAULT_ASSUMED.search(raw.member_doc(shape, name)) is not None
        about_itself = own == noun and (defaulted or not is_listing)
        defaults_to_caller = defaulted and bool(id_word(name)) and not is_listing  # IAM GetLoginProfile
        if own and (about_itself or defaults_to_caller):
            return [name]
    for name in shape.get("members", {}):  # optional in the model, demanded by the docs (Network Firewall)
        if id_word(name) and not is_listing and _DEMANDED.search(raw.member_doc(shape, name)):
            return [name]
    return []
