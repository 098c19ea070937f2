"""The bedrock provider through a real bedrock-runtime client held by botocore's Stubber."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from botocore.stub import Stubber

from bot.generation.providers.bedrock import MAX_TOKENS, BedrockModel, build_bedrock_client
from bot.generation.providers.model import LLMCall
from bot.inputs.config import Settings
from bot.inputs.errors import LLMError

MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"


@pytest.fixture
def stubbed() -> Iterator[tuple[Any, Stubber]]:
    client = build_bedrock_client(Settings(bedrock_region="us-east-1", timeout_s=5.0))
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def call(step: str = "plan") -> LLMCall:
    return LLMCall(step=step, system=f"controlbot step: {step}\nPlan it.", user="SQS queues", json_mode=True)


def answer(text: str, tokens: tuple[int, int] = (120, 30)) -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": [{"text": text}]}},
        "stopReason": "end_turn",
        "usage": {"inputTokens": tokens[0], "outputTokens": tokens[1], "totalTokens": sum(tokens)},
        "metrics": {"latencyMs": 321},
    }


def expected_request(step: str = "plan") -> dict[str, Any]:
    return {
        "modelId": MODEL_ID,
        "system": [{"text": f"controlbot step: {step}\nPlan it."}],
        "messages": [{"role": "user", "content": [{"text": "SQS queues"}]}],
        "inferenceConfig": {"temperature": 0.0, "maxTokens": MAX_TOKENS},
    }


def model(client: Any, sleeps: list[float] | None = None, max_retries: int = 3) -> BedrockModel:
    record = sleeps.append if sleeps is not None else (lambda seconds: None)
    return BedrockModel(client, MODEL_ID, max_retries=max_retries, sleep=record)


def test_converse_answer_and_token_counts(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_response("converse", answer('```json\n{"setup": []}\n```'), expected_request())
    completion = model(client).execute(call())
    assert completion.text == '{"setup": []}'
    assert (completion.prompt_tokens, completion.completion_tokens) == (120, 30)


def test_throttling_is_retried_then_succeeds(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_client_error("converse", "ThrottlingException", "Too many requests", 429, expected_request())
    stubber.add_client_error("converse", "ServiceUnavailableException", "Busy", 503, expected_request())
    stubber.add_response("converse", answer("Feature: queues"), expected_request())
    sleeps: list[float] = []
    assert model(client, sleeps).execute(call()).text == "Feature: queues"
    assert len(sleeps) == 2


def test_throttling_until_retries_run_out_is_an_llm_error(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    for _ in range(2):
        stubber.add_client_error("converse", "ThrottlingException", "Rate exceeded", 429)
    with pytest.raises(LLMError, match="ThrottlingException: Rate exceeded"):
        model(client, max_retries=1).execute(call())


def test_validation_error_fails_at_once(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    message = "The provided model identifier is invalid."
    stubber.add_client_error("converse", "ValidationException", message, 400)
    sleeps: list[float] = []
    with pytest.raises(LLMError, match=f"{MODEL_ID}.*plan step: ValidationException: {message}"):
        model(client, sleeps).execute(call())
    assert sleeps == []


def test_access_denied_fails_at_once(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    stubber.add_client_error("converse", "AccessDeniedException", "You don't have access to the model", 403)
    with pytest.raises(LLMError, match="AccessDeniedException"):
        model(client).execute(call())


def test_an_empty_answer_is_an_llm_error(stubbed: tuple[Any, Stubber]) -> None:
    client, stubber = stubbed
    empty = answer("")
    empty["stopReason"] = "max_tokens"
    stubber.add_response("converse", empty)
    with pytest.raises(LLMError, match=r"empty answer to the write step \(stopReason: max_tokens\)"):
        model(client).execute(call("write"))


class _SlowBedrock(BaseHTTPRequestHandler):
    hits: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.hits.append(self.path)
        time.sleep(1.0)
        try:
            self.send_response(200)
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass


def test_read_timeouts_are_retried_by_us_alone_then_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    hits: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_SlowBedrock,), {"hits": hits}))
    server.daemon_threads, server.block_on_close = True, False
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        monkeypatch.setenv("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        client = build_bedrock_client(Settings(bedrock_region="us-east-1", timeout_s=0.3))
        with pytest.raises(LLMError, match="could not be reached after 2 attempt"):
            model(client, max_retries=1).execute(call())
        assert len(hits) == 2  # botocore's own retries are off: only ours ran
        assert hits[0].endswith("/converse")
    finally:
        server.shutdown()
        server.server_close()
