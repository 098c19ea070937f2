"""The openai provider through the real `openai` client against the local fake server."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bot.generation.providers.from_settings import build_model
from bot.generation.providers.model import LLMCall, parse_json_answer
from bot.generation.providers.openai import OpenAIModel, build_openai_client
from bot.inputs.config import Settings
from bot.inputs.errors import LLMError
from tests.fakes.mock_model import MockModel
from tests.fakes.openai_server import FakeOpenAI, Fault, step_of

KEY = "sk-test-0123456789abcdef"


def call(step: str = "analyse", user: str = "S3 buckets must be encrypted", json_mode: bool = True) -> LLMCall:
    return LLMCall(step=step, system=f"controlbot step: {step}\nYou are careful.", user=user, json_mode=json_mode)


def make_model(server: FakeOpenAI, sleeps: list[float] | None = None, **settings: Any) -> OpenAIModel:
    config = Settings(api_key=KEY, base_url=server.base_url, **{"timeout_s": 5.0, **settings})
    record = sleeps.append if sleeps is not None else (lambda seconds: None)
    return OpenAIModel(build_openai_client(config), "fake-model", max_retries=config.max_retries, sleep=record)


def test_answer_tokens_and_prompt_reach_the_model(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("analyse", '{"resource": "bucket", "property": "encryption", "conditions": ["kms"]}')
    completion = make_model(fake_openai).execute(call())
    assert parse_json_answer(completion.text)["resource"] == "bucket"
    assert completion.prompt_tokens == 11 and completion.completion_tokens == 6
    [request] = fake_openai.requests
    assert request["messages"][0] == {"role": "system", "content": "controlbot step: analyse\nYou are careful."}
    assert request["messages"][1] == {"role": "user", "content": "S3 buckets must be encrypted"}
    assert request["model"] == "fake-model"
    assert request["temperature"] == 0
    assert request["response_format"] == {"type": "json_object"}


def test_write_step_sends_no_json_mode_and_gets_its_fence_stripped(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("write", "Here it is:\n```gherkin\nFeature: S3 encryption\n```\nDone.")
    completion = make_model(fake_openai).execute(call("write", json_mode=False))
    assert completion.text == "Feature: S3 encryption"
    assert "response_format" not in fake_openai.requests[0]


def test_rate_limit_is_retried_after_the_servers_retry_after(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("plan", Fault(status=429, retry_after=0), Fault(status=502), '{"setup": []}')
    sleeps: list[float] = []
    completion = make_model(fake_openai, sleeps).execute(call("plan"))
    assert completion.text == '{"setup": []}'
    assert len(fake_openai.requests) == 3
    assert sleeps[0] == 0.0  # the Retry-After value, not our own backoff


def test_server_errors_until_retries_run_out_fail_without_leaking_the_key(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("analyse", Fault(status=500, message=f"upstream broke for key {KEY}"))
    with pytest.raises(LLMError) as raised:
        make_model(fake_openai, max_retries=2).execute(call())
    assert len(fake_openai.requests) == 3
    message = str(raised.value)
    assert "fake-model" in message and "500" in message and "analyse" in message
    assert KEY not in message


def test_an_exhausted_quota_is_not_retried(fake_openai: FakeOpenAI) -> None:
    quota = Fault(status=429, message="You exceeded your current quota.", code="insufficient_quota")
    fake_openai.default("analyse", quota)
    with pytest.raises(LLMError, match="429 - You exceeded your current quota"):
        make_model(fake_openai).execute(call())
    assert len(fake_openai.requests) == 1


def test_timeouts_are_retried_then_reported(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("plan", Fault(delay=2.0))
    with pytest.raises(LLMError, match=r"timed out after 2 attempt\(s\)"):
        make_model(fake_openai, timeout_s=0.5, max_retries=1).execute(call("plan"))
    assert len(fake_openai.requests) == 2


def test_a_timeout_followed_by_an_answer_succeeds(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("plan", Fault(delay=2.0), '{"setup": ["x"]}')
    completion = make_model(fake_openai, timeout_s=0.5, max_retries=1).execute(call("plan"))
    assert parse_json_answer(completion.text) == {"setup": ["x"]}


def test_a_garbled_http_body_is_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("analyse", Fault(body="<html>bad gateway</html>"), Fault(body='{"choices": 3}'), "{}")
    assert make_model(fake_openai).execute(call()).text == "{}"
    assert len(fake_openai.requests) == 3


def test_a_body_that_stays_garbled_is_an_llm_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("analyse", Fault(body="not json"))
    with pytest.raises(LLMError, match="unreadable response after 2 attempt"):
        make_model(fake_openai, max_retries=1).execute(call())


def test_malformed_json_answer_is_reported_by_the_parser(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("analyse", '```json\n{"resource": "bucket", "conditions": [\n```')
    completion = make_model(fake_openai).execute(call())
    with pytest.raises(LLMError, match="model answered malformed JSON"):
        parse_json_answer(completion.text)


def test_rejected_json_mode_falls_back_and_is_remembered(fake_openai: FakeOpenAI) -> None:
    fake_openai.accept_json_mode = False
    fake_openai.script("analyse", '{"n": 1}')
    fake_openai.script("plan", '{"n": 2}')
    model = make_model(fake_openai)
    assert model.execute(call()).text == '{"n": 1}'
    assert model.execute(call("plan")).text == '{"n": 2}'
    sent = [("response_format" in body, step_of(body)) for body in fake_openai.requests]
    assert sent == [(True, "analyse"), (False, "analyse"), (False, "plan")]


def test_a_wrong_key_fails_at_once_without_showing_it() -> None:
    with FakeOpenAI(api_key="sk-the-right-one") as server:
        server.default("analyse", "{}")
        with pytest.raises(LLMError, match="rejected the API key") as raised:
            make_model(server).execute(call())
        assert len(server.requests) == 1
        assert KEY not in str(raised.value)


def test_an_unknown_model_fails_at_once_naming_it() -> None:
    with FakeOpenAI(known_models={"gpt-4o"}) as server:
        with pytest.raises(LLMError, match=r"'fake-model'.*404.*CONTROLBOT_MODEL"):
            make_model(server).execute(call())
        assert len(server.requests) == 1


def test_an_empty_answer_is_an_llm_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("write", "   ")
    with pytest.raises(LLMError, match="empty answer to the write step"):
        make_model(fake_openai).execute(call("write", json_mode=False))


def test_an_unscripted_step_surfaces_the_servers_message(fake_openai: FakeOpenAI) -> None:
    with pytest.raises(LLMError, match="nothing scripted for step 'repair'"):
        make_model(fake_openai).execute(call("repair", json_mode=False))


def test_dynamic_answers_see_the_request_and_concurrent_calls_are_all_recorded(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("write", lambda body: f"Feature: {body['messages'][1]['content']}")
    fake_openai.latency = 0.05
    model = make_model(fake_openai)
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda n: model.execute(call("write", f"control {n}", False)).text, range(8)))
    assert texts == [f"Feature: control {n}" for n in range(8)]
    assert sorted(body["messages"][1]["content"] for body in fake_openai.requests) == sorted(
        f"control {n}" for n in range(8)
    )


def test_the_factory_builds_a_working_openai_model(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("analyse", '{"resource": "queue"}')
    settings = Settings(api_key=KEY, base_url=fake_openai.base_url, max_retries=0)
    model = build_model(settings, MockModel)
    assert parse_json_answer(model.execute(call()).text) == {"resource": "queue"}
    assert fake_openai.requests[0]["model"] == "gpt-4o-mini"


def test_the_fake_lists_models_to_the_real_client(fake_openai: FakeOpenAI) -> None:
    client = build_openai_client(Settings(api_key=KEY, base_url=fake_openai.base_url))
    assert [m.id for m in client.models.list()] == ["fake-model"]
