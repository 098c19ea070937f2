"""The `bedrock` provider: Amazon Bedrock models through the boto3 Converse API."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, ConnectionError, HTTPClientError

from bot.generation.providers.model import Completion, LLMCall, RetryPolicy, strip_fence
from bot.inputs.errors import LLMError

if TYPE_CHECKING:
    from bot.inputs.config import Settings

MAX_TOKENS = 4096
RETRYABLE_CODES = frozenset(
    {
        "ThrottlingException",
        "ServiceUnavailableException",
        "ModelTimeoutException",
        "InternalServerException",
        "ModelNotReadyException",
    }
)


def build_bedrock_client(settings: Settings) -> Any:
    """A bedrock-runtime client for settings.bedrock_region that leaves retrying to BedrockModel."""
    import boto3

    config = Config(
        read_timeout=settings.timeout_s,
        connect_timeout=min(settings.timeout_s, 10.0),
        retries={"total_max_attempts": 1, "mode": "standard"},
    )
    return boto3.client("bedrock-runtime", region_name=settings.bedrock_region, config=config)


def is_retryable(error: Exception) -> bool:
    """Throttling, a busy or loading model, server faults, timeouts and dropped connections."""
    if isinstance(error, ClientError):
        return error.response.get("Error", {}).get("Code") in RETRYABLE_CODES
    return isinstance(error, HTTPClientError | ConnectionError)


class BedrockModel:
    """LanguageModel over Bedrock's Converse API (temperature 0), with our own retries."""

    provider = "bedrock"

    def __init__(
        self,
        client: Any,
        model: str,
        *,
        max_retries: int = 4,
        base_delay: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self._client = client
        self._retry = RetryPolicy.of(max_retries, base_delay, sleep)

    def execute(self, call: LLMCall) -> Completion:
        started = time.monotonic()
        try:
            response = self._retry.run(
                lambda: self._client.converse(**self._request(call)),
                is_retryable,
            )
        except ClientError as error:
            details = error.response.get("Error", {})
            raise LLMError(
                f"bedrock model {self.model!r} failed on the {call.step} step: "
                f"{details.get('Code', 'error')}: {details.get('Message', '')}".rstrip(": ")
            ) from None
        except BotoCoreError as error:
            what = f"could not be reached after {self._retry.attempts} attempt(s)" if is_retryable(error) else "failed"
            raise LLMError(f"bedrock model {self.model!r} {what} on the {call.step} step: {error}") from None
        text = _text(response)
        if not text.strip():
            raise LLMError(
                f"bedrock model {self.model!r} gave an empty answer to the {call.step} step "
                f"(stopReason: {response.get('stopReason')})"
            )
        usage = response.get("usage") or {}
        return Completion(
            text=strip_fence(text),
            prompt_tokens=usage.get("inputTokens"),
            completion_tokens=usage.get("outputTokens"),
            seconds=time.monotonic() - started,
        )

    def _request(self, call: LLMCall) -> dict[str, Any]:
        return {
            "modelId": self.model,
            "system": [{"text": call.system}],
            "messages": [{"role": "user", "content": [{"text": call.user}]}],
            "inferenceConfig": {"temperature": 0.0, "maxTokens": MAX_TOKENS},
        }


def _text(response: dict[str, Any]) -> str:
    content = response.get("output", {}).get("message", {}).get("content", [])
    return "".join(block["text"] for block in content if isinstance(block.get("text"), str))
