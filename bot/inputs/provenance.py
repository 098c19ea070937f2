"""The provenance comment on a generated feature's first line, and whether a feature is up to date."""

from __future__ import annotations

import re

PREFIX = "# controlbot:"
_FIELDS = re.compile(r"(\w[\w-]*)=(\S+)")


def provenance_line(request_sha256: str, provider: str, model: str, prompt: str) -> str:
    return f"{PREFIX} request-sha256={request_sha256} provider={provider} model={model or '-'} prompt={prompt}"


def read_provenance(feature_text: str) -> dict[str, str]:
    first = feature_text.lstrip("\ufeff").split("\n", 1)[0]
    if not first.startswith(PREFIX):
        return {}
    return dict(_FIELDS.findall(first[len(PREFIX) :]))


def is_up_to_date(feature_text: str, request_sha256: str) -> bool:
    """True when the feature was generated from exactly these request bytes."""
    return read_provenance(feature_text).get("request-sha256") == request_sha256


def with_provenance(feature_text: str, line: str) -> str:
    """The feature with its first line set to `line` (an older provenance line is replaced)."""
    body = feature_text.lstrip("\ufeff")
    lines = [row for row in body.splitlines() if not row.startswith(PREFIX)]
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join([line, *lines]).rstrip() + "\n"
