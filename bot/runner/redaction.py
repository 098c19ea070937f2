"""Reasons a report may show: any value that depends on a `sensitive` member is shown as <sensitive>.

A reason is computed on the real document; it is shown as is only when the same check on a copy whose
sensitive values are masked gives the same text (so nothing in it came from a secret). Otherwise only its
head (the path and the expectation, which come from the feature) is kept. This also holds for values a
JMESPath function derives from a secret (`length(...)`, `reverse(...)`) and for error messages that quote one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.knowledge.sensitive import MASK, masked_item, masked_response, scrub_credentials
from bot.language.assertions import Document, PathError
from bot.language.grammar import Step

Check = Callable[[Step, Document], "str | None"]
_ACTUAL = ": actual "


class Masker:
    """Masks the documents of one scenario: its listing's items and the responses of its calls."""

    def __init__(self, listing: Step | None, calls: Iterable[Step]) -> None:
        self._listing = listing
        self._services = {step.operation: step.service for step in calls}

    def document(self, document: Document) -> Document:
        listing = self._listing
        item = document.item
        if listing is not None:
            item = masked_item(listing.service, listing.operation, listing.items_path, item)
        responses = {
            name: masked_response(self._services[name], name, response) if name in self._services else MASK
            for name, response in document.responses.items()
        }
        return Document(item, responses)


def _head(reason: str, step: Step) -> str | None:
    """The part of a reason before its actual value: the quoted path and the expectation, both from the feature."""
    quoted = f'"{step.path}"'
    at = reason.find(quoted)
    cut = reason.find(_ACTUAL, at + len(quoted)) if at >= 0 else -1
    return reason[: cut + len(_ACTUAL)] if cut >= 0 else None


def _quiet(check: Check, step: Step, document: Document) -> str | None:
    try:
        return check(step, document)
    except Exception:  # a masked value can make a check fail differently: only its text matters here
        return None


def shown(check: Check, step: Step, document: Document, masker: Masker) -> str | None:
    """check(step, document), with every value that depends on a sensitive member, and anything shaped like a
    credential, shown as <sensitive>."""
    reason = _shown(check, step, document, masker)
    return scrub_credentials(reason) if reason is not None else None


def _shown(check: Check, step: Step, document: Document, masker: Masker) -> str | None:
    try:
        reason = check(step, document)
    except Exception as error:
        _raise_shown(error, check, step, masker.document(document))
        raise
    if reason is None:
        return None
    masked = masker.document(document)
    safe = _quiet(check, step, masked)
    if safe == reason:
        return reason
    head = _head(reason, step)
    return f"{head}{MASK}" if head else f'"{step.path}" does not hold: actual {MASK}'


def _raise_shown(error: Exception, check: Check, step: Step, masked: Document) -> None:
    """Let an evaluation error through when its message owes nothing to a secret, else raise one that says so."""
    try:
        check(step, masked)
    except Exception as again:
        if type(again) is type(error) and str(again) == str(error):
            return
    raise PathError(f'"{step.path}" cannot be evaluated on this resource: {MASK}') from None
