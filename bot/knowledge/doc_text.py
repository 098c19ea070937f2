"""botocore doc strings (HTML) as one short plain sentence, for indexes and the model's context."""

from __future__ import annotations

import html as html_lib
import re

DOC_CHARS = 240

TAG = re.compile(r"<[^>]*>")
# A sentence ends at [.!?] and a space after a lower-case letter, digit, bracket or quote (not after an
# acronym: "the AWS. "). Searching the stop first and checking what precedes it is 3x faster than a lookbehind.
_SENTENCE_STOP = re.compile(r"[.!?]\s")
_SENTENCE_LAST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)\"'")
# S3 and others open many docs with a boxed note ("This operation is not supported for directory buckets.").
_LEADING_NOTE = re.compile(r"\s*<(note|important)>.*?</\1>\s*", re.DOTALL)


def first_sentence(html: str) -> str:
    """The first sentence of a botocore doc string, tags and leading notes stripped, at most DOC_CHARS long."""
    if html.startswith("<p>"):  # most docs: a plain first paragraph, no tag, entity or odd spacing in it
        end = html.find("</p>")
        head = html[3:end]
        if 0 < end < DOC_CHARS * 4 and "<" not in head and "&" not in head and "\n" not in head and "  " not in head:
            return _shortened(head)
    note = _LEADING_NOTE.match(html)
    if note:
        html = html[note.end() :]
    end = html.find("</p>")
    head = html[:end] if 0 <= end < DOC_CHARS * 4 else html[: DOC_CHARS * 4]
    if "<" in head:
        head = TAG.sub(" ", head)
    if "&" in head:
        head = html_lib.unescape(head)
    return _shortened(" ".join(head.split()))


def _shortened(text: str) -> str:
    # A sentence ending past DOC_CHARS is cut at DOC_CHARS anyway: only the start needs searching.
    stop = _SENTENCE_STOP.search(text, 0, DOC_CHARS + 8)
    while stop and not (stop.start() and text[stop.start() - 1] in _SENTENCE_LAST):
        stop = _SENTENCE_STOP.search(text, stop.start() + 1, DOC_CHARS + 8)
    text = (text[: stop.start() + 1] if stop else text).strip()
    return text if len(text) <= DOC_CHARS else text[: DOC_CHARS - 1].rstrip() + "…"
