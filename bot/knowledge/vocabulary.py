"""Words for retrieval: the tokeniser (camelCase/snake/kebab splitting, light stemming) and category vocabularies."""

from __future__ import annotations

import functools
import itertools
import re

# Camel/Pascal humps keep acronyms together (SSEAlgorithm -> SSE, Algorithm) and digits stay on their word.
# IPv6 stays one word, TLSv1 splits before its version, an acronym's plural stays on it (ACLs).
_WORD = re.compile(r"IPv\d+|[A-Z]{2,}(?=v\d)|[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")
_RUN = re.compile(r"[A-Za-z0-9]+")

_STOPWORD_TEXT = """
    a an and any are as at be been being both but by can could do does each either every for from has have
    how if in into is it its may might must need needs never no nor not of on once only or other our ours
    per shall should so such than that the their them then there these they this those to too under until
    up upon us use uses using via was we were what when whether which while who will with within without
    would you your also all ever even just more most much same some very got get gets make makes made keep
    kept instead already always amazon aws
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Irregular forms the suffix rules below would split apart or leave unmatched: word=stem.
_IRREGULAR_TEXT = """
    logs=log logging=log logged=log logger=log publicly=public https=https ipv4=ip ssl=ssl tls=tls sms=sms
    iops=iops version=version versions=version address=address addresses=address access=access
    accessible=access accessibility=access retention=retain retained=retain retains=retain
    encryption=encrypt decryption=decrypt deletion=delet deleting=delet protection=protect
    versioning=version versioned=version auth=authent authn=authent authentication=authent
    authenticated=authent authenticate=authent authorization=author authorized=author automatically=automat
    automatic=automat automated=automat auto=automat monitoring=monitor monitored=monitor recorder=record
    recording=record recorders=record multi=multi analysis=analysis alias=alias aliases=alias
    canonical=canonical production=production productions=production
    """
_IRREGULAR = {word: root for word, root in (pair.split("=") for pair in _IRREGULAR_TEXT.split())}
_KEEP_S = ("ss", "us", "is")
_SUFFIXES = ("ation", "tion", "sion", "ship", "ing", "ed", "ly", "ible", "able")


@functools.cache
def stem(word: str) -> str:
    """A light stemmer: plurals, -ing/-ed/-ion/-ship/-ly/-ible/-able, a final e, doubled consonants."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(_KEEP_S):
        word = word[:-1]
    for suffix in _SUFFIXES if word.endswith(_SUFFIXES) else ():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            suffix = "ion" if suffix in ("tion", "sion") else suffix
            word = word[: -len(suffix)] + ("at" if suffix == "ation" else "")
            if suffix in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@functools.cache
def split_words(text: str) -> tuple[str, ...]:
    """Words of a name or a sentence, camel humps split, lower-cased, not stemmed."""
    return tuple(w.lower() for w in _WORD.findall(text))


_TERMS: dict[str, str] = {}


def term(word: str) -> str:
    """The token of one raw word (a camel hump, case kept; "" for a stop word), remembered across calls."""
    found = _TERMS.get(word)
    if found is None:
        lower = word.lower()
        found = _TERMS[word] = "" if lower in STOPWORDS else stem(lower)
    return found


@functools.cache
def tokenize(text: str) -> tuple[str, ...]:
    """Stemmed tokens of a name or a sentence, stop words dropped (SSEAlgorithm -> sse, algorithm)."""
    terms = _TERMS
    found = [terms.get(w) or term(w) for w in _WORD.findall(text)]
    return tuple(t for t in found if t)


class TokenIds:
    """Texts as lists of token ids over one growing vocabulary; each text, run of letters and digits, and raw
    word is read once. A word never spans two runs, so splitting on runs first gives the same words."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._run_ids: dict[str, list[int]] = {}
        self._memo: dict[str, list[int]] = {}

    def ids(self, text: str) -> list[int]:
        found = self._memo.get(text)
        if found is None:
            runs, known = _RUN.findall(text), self._run_ids
            for run in itertools.filterfalse(known.__contains__, runs):  # lazy: a repeated new run is read once
                self._run(run)
            found = self._memo[text] = list(itertools.chain.from_iterable(map(known.__getitem__, runs)))
        return found

    def _run(self, run: str) -> None:
        vocab, found = self.vocab, []
        # Most runs are one plain or capitalised word: the camel-hump pattern would return the run itself.
        for word in (run,) if run.isalpha() and (run.islower() or run.istitle()) else _WORD.findall(run):
            token = _TERMS.get(word) or term(word)
            if token:
                found.append(vocab.setdefault(token, len(vocab)))
        self._run_ids[run] = found


def clear_caches() -> None:
    """Forget every remembered word (benchmarks measure cold builds with this)."""
    _TERMS.clear()
    tokenize.cache_clear()
    split_words.cache_clear()
    stem.cache_clear()


# Each category's vocabulary: comma-separated terms (a term may be a phrase).
_CATEGORY_TEXT = {
    "encryption-at-rest": "encrypt, encrypted, kms, key, sse, cmk, at rest",
    "encryption-in-transit": "encrypt, tls, ssl, https, protocol, policy, in transit, intercontainer, "
    "inter container traffic, certificate, secure transport",
    "logging": "log, logging, audit, trail, retention, destination, enabled",
    "public-access": "public, publicly, accessible, anonymous, policy, acl, block, principal, internet",
    "network": "vpc, subnet, security group, ingress, cidr, internet, endpoint, network access",
    "backup-recovery": "backup, snapshot, retention, recovery, point in time, lock, replication, copy",
    "deletion-protection": "deletion, protection, termination, delete",
    "versioning": "versioning, version, mfa delete, status",
    "key-rotation": "rotation, rotate, age, create date, last rotated, enabled",
    "authentication": "auth, iam, mfa, password, token, authentication type, sign in",
    "patching-runtime": "version, runtime, upgrade, patch, engine, minor, platform",
    "monitoring": "monitor, alarm, metric, recorder, insights, status, recording, enabled",
    "other": "",
}
CATEGORY_TERMS: dict[str, tuple[str, ...]] = {
    name: tuple(t.strip() for t in text.split(",") if t.strip()) for name, text in _CATEGORY_TEXT.items()
}
CATEGORIES = tuple(CATEGORY_TERMS)


@functools.cache
def category_tokens(category: str | None) -> tuple[str, ...]:
    """The stemmed, de-duplicated vocabulary of a category (nothing for None, `other` or an unknown one)."""
    seen: dict[str, None] = {}
    for term in CATEGORY_TERMS.get(category or "other", ()):
        seen.update(dict.fromkeys(tokenize(term)))
    return tuple(seen)


# Domain phrases a requirement uses for what the API names differently: "phrase: expansion, expansion".
_SYNONYM_TEXT = """
automatically: default
block storage: ebs
disk: volume, ebs
virtual private cloud: vpc
anonymous: public
anyone: public
internet: public
privately: public
second factor: mfa
two factor: mfa
multi factor: mfa
2fa: mfa
one time password: mfa, otp
sign in: login, authentication
signed requests: iam, auth
plaintext: encrypt
unencrypted: encrypt
write once read many: object lock, lock
worm: lock
immutable: lock
expire: retention
tls: ssl, https
ssl: tls, https
https: tls, ssl
firewall: security group
replaced: rotation
database: db
availability zone: az, multi az
audit: log, trail
patches: upgrade, version
outdated: version, deprecated
accidental: protection
administrator: root, admin
inbound: ingress
outbound: egress
turned on: enabled
switched on: enabled
activated: enabled
turned off: enabled, disabled
reachable: public, accessible
exposed: public
everyone: public
world: public
outside: public
own key: kms key
customer managed: kms
cmk: kms
unused: last used
inactive: last used
not been used: last used
failover: multi az
highly available: multi az
tamper: validation, integrity
vulnerabilities: scan
cross region: replication
access control list: acl
dead letter: redrive
privileges: permission, policy document
another region: replication
second region: replication
copies: replication, backup
console: login, password
"""
SYNONYMS: dict[str, tuple[str, ...]] = {
    phrase.strip(): tuple(t.strip() for t in terms.split(","))
    for phrase, terms in (line.split(":") for line in _SYNONYM_TEXT.strip().splitlines())
}


@functools.cache
def _synonym_table() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    table = (
        (tokenize(phrase), tuple(t for term in terms for t in tokenize(term))) for phrase, terms in SYNONYMS.items()
    )
    return tuple((phrase, expansions) for phrase, expansions in table if phrase)


def synonyms(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Expansion tokens for every SYNONYMS phrase that occurs, in order, in a tokenised text."""
    found: dict[str, None] = {}
    for phrase, expansions in _synonym_table():
        width = len(phrase)
        if any(tokens[i : i + width] == phrase for i in range(len(tokens) - width + 1)):
            found.update(dict.fromkeys(expansions))
    return tuple(found)


CATEGORY_WEIGHT = 0.4  # query weight of a category word the request does not say itself
SYNONYM_WEIGHT = 0.6  # query weight of a synonym of a phrase the request says


def query_weights(text: str, category: str | None, ignore: str = "") -> dict[str, float]:
    """Query tokens: the request's words weigh 1, synonyms of its phrases and its category's words less.

    The words of `ignore` (the service name: every document of the service is about it) weigh nothing."""
    if ignore:  # "SageMaker" in the text would otherwise split into sage + maker
        text = re.sub(rf"(?i)(?<![\w-]){re.escape(ignore)}(?![\w-])", " ", text)
    ignored = set(tokenize(ignore)) | set(split_words(ignore))
    tokens = tokenize(text)
    weights = {t: 1.0 for t in tokens if t not in ignored}
    for token in synonyms(tokens):
        weights.setdefault(token, SYNONYM_WEIGHT)
    for token in category_tokens(category):
        weights.setdefault(token, CATEGORY_WEIGHT)
    return weights
