"""The LLM step contract: fences, JSON answers, retries, the provider factory and the scripted mock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from bot.generation.providers.model import (
    Completion,
    LLMCall,
    parse_json_answer,
    strip_fence,
    with_retries,
)
from bot.inputs.errors import LLMError
from tests.fakes.mock_model import MockModel
from tests.paths import REPO


def call(step: str = "analyse", user: str = "requirement") -> LLMCall:
    return LLMCall(step=step, system=f"controlbot step: {step}\nYou analyse.", user=user, json_mode=True)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ('```json\n{"a": 1}\n```', '{"a": 1}'),
        ("```gherkin\nFeature: x\n  Scenario: y\n```", "Feature: x\n  Scenario: y"),
        ("```\nplain fenced\n```", "plain fenced"),
        ('Here is the plan:\n\n```json\n{"a": 1}\n```\nLet me know!', '{"a": 1}'),
        ('```json\n{"first": 1}\n```\n```json\n{"second": 2}\n```', '{"first": 1}'),
        ("  Feature: no fence\n", "Feature: no fence"),
        ('```json\n{"cut": "off"}', '{"cut": "off"}'),
    ],
)
def test_strip_fence_takes_the_first_fenced_block(answer: str, expected: str) -> None:
    assert strip_fence(answer) == expected


def test_parse_json_answer_accepts_fences_and_prose() -> None:
    assert parse_json_answer('```json\n{"resource": "bucket"}\n```') == {"resource": "bucket"}
    prose = 'Sure. The analysis is {"resource": "bucket", "conditions": ["a {b}"]} as requested.'
    assert parse_json_answer(prose) == {"resource": "bucket", "conditions": ["a {b}"]}


@pytest.mark.parametrize("answer", ['{"resource": "bucket",', "no json here", "[1, 2]", "```json\n```"])
def test_parse_json_answer_rejects_what_is_not_an_object(answer: str) -> None:
    with pytest.raises(LLMError, match="model answered malformed JSON"):
        parse_json_answer(answer)


def test_llm_call_enforces_the_step_contract() -> None:
    with pytest.raises(ValueError, match="unknown LLM step 'summarise'"):
        LLMCall(step="summarise", system="controlbot step: summarise\n", user="", json_mode=False)
    with pytest.raises(ValueError, match="must start with the line 'controlbot step: plan'"):
        LLMCall(step="plan", system="You plan.\ncontrolbot step: plan", user="", json_mode=True)


class Flaky(Exception):
    def __init__(self, retry_after: float | None = None) -> None:
        super().__init__("flaky")
        self.retry_after = retry_after


def failing(times: int, error: Exception, result: str = "done") -> tuple[list[int], Callable[[], str]]:
    count = [0]

    def fn() -> str:
        count[0] += 1
        if count[0] <= times:
            raise error
        return result

    return count, fn


def test_with_retries_backs_off_exponentially_within_bounds() -> None:
    count, fn = failing(4, Flaky())
    sleeps: list[float] = []
    result = with_retries(
        fn, attempts=5, is_retryable=lambda e: True, base_delay=1.0, max_delay=3.0, sleep=sleeps.append
    )
    assert result == "done" and count[0] == 5
    assert len(sleeps) == 4
    for delay, ceiling in zip(sleeps, [1.0, 2.0, 3.0, 3.0], strict=True):
        assert ceiling / 2 <= delay <= ceiling


def test_with_retries_honours_retry_after() -> None:
    _, fn = failing(2, Flaky(retry_after=7))
    sleeps: list[float] = []
    with_retries(fn, attempts=3, is_retryable=lambda e: True, sleep=sleeps.append)
    assert sleeps == [7.0, 7.0]


def test_with_retries_gives_up_after_the_last_attempt() -> None:
    count, fn = failing(10, Flaky())
    with pytest.raises(Flaky):
        with_retries(fn, attempts=3, is_retryable=lambda e: True, sleep=lambda s: None)
    assert count[0] == 3


def test_with_retries_raises_a_non_retryable_error_at_once() -> None:
    count, fn = failing(10, KeyError("nope"))
    with pytest.raises(KeyError):
        with_retries(fn, attempts=5, is_retryable=lambda e: isinstance(e, Flaky), sleep=lambda s: None)
    assert count[0] == 1


def test_importing_the_llm_layer_loads_no_provider_sdk() -> None:
    code = "import sys, bot.generation.providers.model, bot.generation.providers.from_settings; print(sorted(m for m in ('openai', 'boto3') if m in sys.modules))"
    root = REPO
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"


def test_mock_model_answers_each_step_in_order_and_records_calls() -> None:
    mock = MockModel()
    mock.enqueue("analyse", '```json\n{"n": 1}\n```')
    mock.enqueue("analyse", '{"n": 2}')
    mock.enqueue("plan", '{"setup": []}')
    first, plan, second = mock.execute(call()), mock.execute(call("plan")), mock.execute(call(user="again"))
    assert [c.text for c in (first, plan, second)] == ['{"n": 1}', '{"setup": []}', '{"n": 2}']
    assert isinstance(first, Completion)
    assert [c.step for c in mock.history] == ["analyse", "plan", "analyse"]
    assert mock.history[2].user == "again"


def test_mock_model_fails_loudly_when_a_step_has_nothing_queued() -> None:
    mock = MockModel()
    mock.enqueue("plan", "{}")
    with pytest.raises(
        AssertionError, match=r"step 'write' was called .* with nothing queued; still queued: \{'plan': 1\}"
    ):
        mock.execute(call("write"))
