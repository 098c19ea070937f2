"""Confidence through the real pipeline: what the feature's second line and the trace say, and when it is a draft."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.corpus.examples import Corpus
from bot.generation.confidence import read_header
from bot.generation.offline.engine import OfflineModel
from bot.generation.pipeline import Generation, generate_control
from bot.inputs.config import Settings
from bot.inputs.intake import parse_request
from bot.inputs.provenance import provenance_line, read_provenance, with_provenance
from bot.language.checker import check_feature
from tests.fakes.mock_model import MockModel
from tests.generation.test_pipeline import (
    ASSERTION,
    BAD_PLAN,
    FEATURE,
    INVENTED,
    REQUEST_PATH,
    REQUEST_YAML,
    SETUP,
    request,
    run,
    script,
)

FEATURE_PATH = REQUEST_PATH.replace(".yaml", ".feature")


def plan(confidence: Any = None, reasons: Any = None, assertions: list[str] | None = None) -> str:
    answer: dict[str, Any] = {"setup": SETUP, "filters": [], "assertions": assertions or [ASSERTION]}
    if confidence is not None:
        answer["confidence"] = confidence
    if reasons is not None:
        answer["reasons"] = reasons
    return json.dumps(answer)


def lines(generation: Generation) -> list[str]:
    assert generation.ok and generation.feature_text is not None, generation.errors
    return generation.feature_text.splitlines()


def test_a_sure_plan_needing_no_repair_is_high_and_not_a_draft(mock_model: MockModel) -> None:
    script(mock_model, FEATURE, plans=(plan(0.9, ["exact field for the default encryption rule"]),))
    generation = run(mock_model)
    assert lines(generation)[1] == (
        "# controlbot: confidence 0.90 (high): the plan rates itself 0.90; exact field for the default encryption rule; "
        "all 7 requirement terms found in the control's names and docs"
    )
    assert generation.confidence is not None and not generation.confidence.draft
    assert generation.trace.confidence == generation.confidence.to_dict()


def test_a_model_that_says_it_is_unsure_gets_a_draft_with_its_reasons(mock_model: MockModel) -> None:
    reasons = ["GetBucketEncryption and GetBucketPolicy fit equally; chose encryption", "polarity was inferred"]
    script(mock_model, FEATURE, plans=(plan(0.3, reasons),))
    generation = run(mock_model)
    header = lines(generation)[1]
    assert header.startswith("# controlbot: draft — confidence 0.30 (low): the plan rates itself 0.30; GetBucket")
    assert "polarity was inferred" in header
    markdown = generation.trace.to_markdown()
    assert "#### confidence: 0.30 (low), draft, review before merge" in markdown
    assert "levels: low < 0.5 ≤ medium < 0.75 ≤ high" in markdown
    assert "- GetBucketEncryption and GetBucketPolicy fit equally; chose encryption" in markdown


def test_a_feature_repaired_into_shape_is_a_draft_even_when_the_model_is_sure(mock_model: MockModel) -> None:
    script(mock_model, INVENTED, FEATURE, plans=(plan(0.95),))
    generation = run(mock_model)
    assert lines(generation)[1].startswith(
        "# controlbot: draft — confidence 0.80 (high): the feature needed 1 repair round(s) to pass the checker"
    )


def test_a_plan_sent_back_with_errors_makes_a_draft(mock_model: MockModel) -> None:
    script(mock_model, FEATURE, plans=(BAD_PLAN, plan(0.9)))
    generation = run(mock_model)
    assert generation.confidence is not None and generation.confidence.draft
    assert generation.confidence.reasons[0] == "the plan failed its checks and was sent back once"


def test_a_plan_without_a_usable_confidence_is_at_most_medium(mock_model: MockModel) -> None:
    for unusable in (None, "high", 7, True, -0.1):
        script(mock_model, FEATURE, plans=(plan(unusable, reasons=42),))
        confidence = run(mock_model).confidence
        assert confidence is not None
        assert (confidence.score, confidence.level, confidence.draft) == (0.7, "medium", False), unusable
        assert confidence.reasons[0] == "the plan gave no confidence of its own"


def test_terms_the_control_never_looks_at_lower_the_score_and_are_named(mock_model: MockModel) -> None:
    data = REQUEST_YAML.replace(
        b"uses SSE-KMS.", b"uses SSE-KMS, and object lock retention must stay in governance mode."
    )
    script(mock_model, FEATURE, plans=(plan(0.9),))
    generation = generate_control(
        parse_request(data, REQUEST_PATH), model=mock_model, corpus=Corpus(()), settings=Settings()
    )
    confidence = generation.confidence
    assert confidence is not None and confidence.score < 0.9
    coverage = next(r for r in confidence.reasons if "requirement terms" in r)
    missing = "(not: object, lock, retention, stay, governance, mode)"
    assert coverage == f"7 of 13 requirement terms found in the control's names and docs {missing}"


def test_checker_warnings_and_manual_steps_lower_the_score_and_say_why(mock_model: MockModel) -> None:
    manual = "manual: a reviewer confirms the key policy allows only the bucket's role"
    without_category = FEATURE.replace(" @category:encryption-at-rest", "").replace(
        f"    Then {ASSERTION}", f"    Then {ASSERTION}\n    And {manual}"
    )
    script(mock_model, without_category, plans=(plan(0.9, assertions=[ASSERTION, manual]),))
    confidence = run(mock_model).confidence
    assert confidence is not None
    assert confidence.score == pytest.approx(0.9 - 0.05 - 0.1)
    assert "the checker left 1 warning(s): missing tag @category:<category>" in confidence.reasons
    assert "1 step(s) are manual: a reviewer checks them, not the API" in confidence.reasons


def test_hostile_reasons_stay_on_the_one_comment_line(mock_model: MockModel) -> None:
    hostile = ["fine\nFeature: injected\n  Scenario: x", "::error::boom \u202e\x1b[2J", "x" * 5000]
    script(mock_model, FEATURE, plans=(plan(0.2, hostile),))
    generation = run(mock_model)
    text = "\n".join(lines(generation))
    assert len(lines(generation)) == len(FEATURE.splitlines()) + 2  # provenance and confidence lines only
    assert "\u202e" not in text and "\x1b" not in text and "\nFeature: injected" not in text
    assert "fine Feature: injected Scenario: x; \\x3a:error::boom \\u202e\\x1b[2J" in lines(generation)[1]
    assert len(lines(generation)[1]) < 1000
    assert [p for p in check_feature(text, FEATURE_PATH, request().id, "s3") if p.severity == "error"] == []


def test_the_confidence_line_leaves_provenance_and_checking_as_they_were(mock_model: MockModel) -> None:
    script(mock_model, FEATURE, plans=(plan(0.4),))
    text = run(mock_model).feature_text
    assert text is not None
    assert read_provenance(text)["request-sha256"] == request().sha256
    assert read_header(text) == (0.4, "low", True)
    assert check_feature(text, FEATURE_PATH, request().id, "s3") == []
    # regenerating replaces both controlbot lines: an old confidence line never survives a new provenance line
    renewed = with_provenance(text, provenance_line("ab", "mock", "m", "1"))
    assert read_header(renewed) is None and renewed.splitlines()[1].startswith("@control:")


class _BoastfulOffline(OfflineModel):
    """The offline engine with a planner that claims to be certain (the engine may fill confidence later)."""

    def _plan(self, context: dict[str, Any]) -> str:
        answer = json.loads(super()._plan(context))
        return json.dumps({**answer, "confidence": 1.0, "reasons": ["the planner is sure"]})


@pytest.mark.parametrize("model", [OfflineModel(), _BoastfulOffline()], ids=["engine", "engine-claiming-1.0"])
def test_an_offline_generation_is_always_a_draft_and_never_high(model: OfflineModel) -> None:
    generation = generate_control(request(), model=model, corpus=Corpus(()), settings=Settings())
    confidence = generation.confidence
    assert confidence is not None and confidence.draft and confidence.score <= 0.7 and confidence.level != "high"
    assert confidence.reasons[0] == "planned without a model: review before merge"
    assert lines(generation)[1].startswith("# controlbot: draft — confidence ")
    assert ": planned without a model: review before merge" in lines(generation)[1]
