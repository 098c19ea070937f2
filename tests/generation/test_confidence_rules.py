"""The confidence rules on any evidence: bounded, never above the plan's own word, offline never high, drafts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.generation.confidence import (
    OFFLINE_REASON,
    Confidence,
    Coverage,
    Evidence,
    assess,
    header_line,
    level_of,
    read_header,
)

words = st.lists(st.from_regex(r"[a-z]{2,8}", fullmatch=True), max_size=12, unique=True)
evidence = st.builds(
    Evidence,
    provider=st.sampled_from(["offline", "openai", "bedrock", "mock"]),
    stated=st.none() | st.floats(0, 1),
    stated_reasons=st.lists(st.text(max_size=40), max_size=5).map(tuple),
    coverage=st.builds(Coverage, words.map(tuple), words.map(tuple)),
    replans=st.integers(0, 3),
    repairs=st.integers(0, 3),
    warnings=st.lists(st.text(max_size=40), max_size=4).map(tuple),
    manual_steps=st.integers(0, 3),
)


@pytest.mark.fuzz
@given(evidence)
def test_any_evidence_gives_a_bounded_score_and_an_honest_draft_flag(found: Evidence) -> None:
    confidence = assess(found)
    assert 0 <= confidence.score <= 1 and confidence.level == level_of(confidence.score)
    repaired = found.replans + found.repairs > 0
    offline = found.provider == "offline"
    assert confidence.draft == (offline or confidence.level == "low" or repaired)
    if found.stated is not None:
        assert confidence.score <= round(found.stated, 2) + 1e-9  # evidence never raises the plan's own word
    if offline:
        assert confidence.score <= 0.7 and confidence.reasons[0] == OFFLINE_REASON
    assert any("requirement terms" in reason for reason in confidence.reasons)
    assert read_header("# controlbot: request-sha256=x\n" + header_line(confidence) + "\n") == (
        confidence.score,
        confidence.level,
        confidence.draft,
    )


@pytest.mark.parametrize(
    ("score", "level"), [(0.0, "low"), (0.49, "low"), (0.5, "medium"), (0.74, "medium"), (0.75, "high"), (1.0, "high")]
)
def test_the_levels_are_low_below_half_and_high_from_three_quarters(score: float, level: str) -> None:
    assert level_of(score) == level


def test_a_header_line_reads_back_and_other_second_lines_are_not_one() -> None:
    draft = Confidence(0.42, "low", ("planned without a model: review before merge", "a", "b", "c"), True)
    line = header_line(draft)
    assert line == "# controlbot: draft — confidence 0.42 (low): planned without a model: review before merge; a; b"
    assert read_header(f"first\n{line}\n@control:x") == (0.42, "low", True)
    assert read_header(f"first\n{header_line(Confidence(0.8, 'high', (), False))}") == (0.8, "high", False)
    assert read_header("first\n@control:x\n") is None and read_header("") is None
    assert read_header("first\n# controlbot: confidence 9.99 (sure)\n") is None
