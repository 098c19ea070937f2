"""Accepted exceptions applied to findings: SUPPRESSED while a suppression holds, FAIL again once it expires."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from fnmatch import fnmatchcase

from bot.inputs.suppressions import Suppression
from bot.runner.findings import Finding


def _matches(suppression: Suppression, finding: Finding, account: str) -> bool:
    return (
        suppression.control == finding.control
        and fnmatchcase(finding.resource, suppression.resource)
        and (not suppression.account or suppression.account == account)
    )


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression], account: str, today: dt.date
) -> list[Finding]:
    """Each FAIL a suppression covers becomes SUPPRESSED (its reason and expiry said, never dropped); under an
    expired one it stays FAIL, with a note that the exception ran out."""
    result = []
    for finding in findings:
        match = next((s for s in suppressions if finding.status == "FAIL" and _matches(s, finding, account)), None)
        if match is None:
            result.append(finding)
        elif match.expires >= today:
            note = f"suppressed until {match.expires.isoformat()}: {match.reason}"
            result.append(replace(finding, status="SUPPRESSED", reasons=(note, *finding.reasons)))
        else:
            note = f"the suppression expired on {match.expires.isoformat()} ({match.reason})"
            result.append(replace(finding, reasons=(*finding.reasons, note)))
    return result
