"""Whether a value names a kind of the resource: "Application load balancers", "gp2, gp3 and io1 volumes"."""

from __future__ import annotations

from bot.generation.offline.reading import words_of


def qualifies_resource(value: str, subject: str, resource_words: set[str]) -> bool:
    """The value qualifies the resource's name in the subject ("Application load balancers", "imported
    certificates"): its words come right before a word of the resource."""
    tokens = words_of(value.replace("_", " "))
    if any(t in word for t in tokens for word in resource_words):
        return False  # "search" of an OpenSearch domain names the resource, not a kind of it
    words = words_of(subject)
    for start in range(len(words) - len(tokens) + 1):
        if words[start : start + len(tokens)] == tokens:
            end = _coordinated(words, start + len(tokens))
            return bool(set(words[end : end + 2]) & resource_words)
    return False


_CONJUNCTIONS = frozenset({"and", "or", "nor"})
COORDINATED = 3  # "gp2, gp3 and io1 volumes": qualifiers named together before the resource


def _coordinated(words: tuple[str, ...], at: int) -> int:
    """Past the other qualifiers named with the one ending at `at` ("Application and network load balancers"):
    up to COORDINATED pairs of a conjunction (or a comma, which the words no longer show) and one word."""
    end = at
    for _ in range(COORDINATED):
        if words[end : end + 1] and words[end] in _CONJUNCTIONS:
            end += 2
        elif words[end + 1 : end + 2] and words[end + 1] in _CONJUNCTIONS:
            end += 1  # "gp2, gp3 and io1": the comma's word
        else:
            break
    return end
