"""Reviewer feedback offline: a named operation or field is used, anything else is said to be unused."""

from __future__ import annotations

from bot.generation.offline.planner import plan_control

REQUIREMENT = "Buckets must keep a record of every request made to them."


def _plan(feedback: str | None) -> tuple[list[str], list[str]]:
    plan = plan_control("s3", f"S3 bucket\n{REQUIREMENT}", "logging", REQUIREMENT, "S3 bucket", feedback)
    return [*plan.setup, *plan.assertions], list(getattr(plan, "reasons", []))


def test_feedback_naming_a_field_moves_the_control_onto_it() -> None:
    before, _ = _plan(None)
    after, reasons = _plan("Check GetBucketLogging and LoggingEnabled.TargetBucket instead.")
    assert not any("LoggingEnabled.TargetBucket" in step for step in before)
    assert '"GetBucketLogging.LoggingEnabled.TargetBucket" must not be empty' in after
    assert any(r.startswith("feedback used offline: it names GetBucketLogging") for r in reasons)


def test_feedback_that_names_nothing_is_reported_unused_and_changes_nothing() -> None:
    before, _ = _plan(None)
    after, reasons = _plan("This looks wrong to me, please try again.")
    assert after == before
    assert any(
        r.startswith("feedback not used offline: it names no operation or response field of s3") for r in reasons
    )
