"""Accepted exceptions: a covered FAIL is SUPPRESSED with its reason, an expired one is FAIL again with a note."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.inputs.suppressions import SuppressionError, parse_suppressions
from bot.runner.findings import Finding, summary_line
from bot.runner.suppress import apply_suppressions

FILE = """\
suppressions:
  - control: s3-bucket-versioning-enabled
    resource: "logs-*"
    reason: log buckets are write-once
    expires: 2027-03-31
  - control: s3-bucket-versioning-enabled
    resource: scratch
    account: "123456789012"
    reason: scratch data
    expires: 2026-01-31
"""
TODAY = dt.date(2026, 12, 4)


def _fail(resource: str) -> Finding:
    return Finding("s3-bucket-versioning-enabled", "versioning is enabled", resource, "global", "FAIL", ("no",))


def test_an_active_suppression_marks_the_fail_and_says_why_and_until_when() -> None:
    suppressions = parse_suppressions(FILE, "s.yaml")
    [suppressed, kept, expired] = apply_suppressions(
        [_fail("logs-2026"), _fail("data"), _fail("scratch")], suppressions, "123456789012", TODAY
    )
    assert suppressed.status == "SUPPRESSED"
    assert suppressed.reasons == ("suppressed until 2027-03-31: log buckets are write-once", "no")
    assert kept == _fail("data")
    assert expired.status == "FAIL" and expired.reasons[-1] == "the suppression expired on 2026-01-31 (scratch data)"
    assert summary_line([suppressed, kept]) == "0 PASS, 1 FAIL, 0 NOT_APPLICABLE, 0 ERROR, 0 MANUAL, 1 SUPPRESSED"


def test_a_suppression_for_another_account_does_not_apply() -> None:
    [finding] = apply_suppressions([_fail("scratch")], parse_suppressions(FILE, "s.yaml"), "210987654321", TODAY)
    assert finding == _fail("scratch")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("suppressions:\n  - control: x\n    reason: r\n", "s.yaml:2: key 'expires': is required and must be a date"),
        (
            "suppressions:\n  - control: x\n    reason: r\n    expires: 2027-01-01\n    until: y\n",
            "s.yaml:5: key 'until': unknown key",
        ),
        (
            "suppressions:\n  - control: x\n    reason: r\n    expires: 2027-01-01\n    account: 12\n",
            "s.yaml:5: key 'account': must be a 12-digit",
        ),
        ("rules: []\n", "s.yaml: must hold one key, suppressions"),
    ],
)
def test_a_broken_suppressions_file_is_one_message_at_its_line(text: str, said: str) -> None:
    with pytest.raises(SuppressionError) as raised:
        parse_suppressions(text, "s.yaml")
    assert str(raised.value).startswith(said), str(raised.value)
