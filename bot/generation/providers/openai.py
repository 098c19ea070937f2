"""The `openai` provider: any OpenAI-compatible Chat Completions endpoint through the official client."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import openai

from bot.generation.providers.model import Completion, LLMCall, RetryPolicy, strip_fence
from bot.inputs.errors import LLMError, UsageError

if TYPE_CHECKING:
    from bot.inputs.config import Settings

# Parameters some OpenAI-compatible servers (or reasoning models) reject with a 400 naming them.
_OPTIONAL_PARAMS = ("response_format", "temperature")
_NO_KEY_PLACEHOLDER = "not-needed"


def build_openai_client(settings: Settings) -> openai.OpenAI:
    """The client for settings.base_url (or OpenAI's default); it never retries: OpenAIModel does."""
    if not settings.api_key and not settings.base_url:
        raise UsageError(
            "provider openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local endpoint that takes no key"
        )
    # Local servers (vLLM, Ollama) accept any key, but the client insists on having one.
    return openai.OpenAI(
        api_key=settings.api_key or _NO_KEY_PLACEHOLDER,
        base_url=settings.base_url or None,
        timeout=settings.timeout_s,
        max_retries=0,
    )


def is_retryable(error: Exception) -> bool:
    """Rate limits, server faults, timeouts, dropped connections and garbled bodies are worth another try."""
    if isinstance(error, openai.APIConnectionError | openai.APIResponseValidationError | MalformedResponse):
        return True
    if isinstance(error, openai.APIStatusError):
        if error.code == "insufficient_quota":  # OpenAI sends an exhausted quota as a 429 that never clears
            return False
        return error.status_code in (408, 409, 429) or error.status_code >= 500
    return False


class MalformedResponse(Exception):
    """A 200 response that is not a chat completion (a proxy's error page, a truncated body)."""


@dataclass(frozen=True)
class _Answer:
    content: str
    finish_reason: str
    prompt_tokens: int | None
    completion_tokens: int | None


class OpenAIModel:
    """LanguageModel over the Chat Completions API, with our own retries and JSON-mode fallback."""

    provider = "openai"

    def __init__(
        self,
        client: openai.OpenAI,
        model: str,
        *,
        max_retries: int = 4,
        base_delay: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self._client = client
        self._retry = RetryPolicy.of(max_retries, base_delay, sleep)
        self._unsupported: set[str] = set()

    def execute(self, call: LLMCall) -> Completion:
        started = time.monotonic()
        answer = self._answer(call)
        if not answer.content.strip():
            raise LLMError(
                f"openai model {self.model!r} gave an empty answer to the {call.step} step "
                f"(finish_reason: {answer.finish_reason})"
            )
        return Completion(
            text=strip_fence(answer.content),
            prompt_tokens=answer.prompt_tokens,
            completion_tokens=answer.completion_tokens,
            seconds=time.monotonic() - started,
        )

    def _answer(self, call: LLMCall) -> _Answer:
        while True:
            params = self._params(call)
            try:
                return self._retry.run(
                    lambda: self._request(params),  # noqa: B023 - called before the loop moves on
                    is_retryable,
                )
            except openai.BadRequestError as error:
                rejected = _rejected_param(error, params)
                if rejected is None:
                    raise self._failure(call, error) from None
                self._unsupported.add(rejected)  # remembered for the rest of the run
            except (openai.APIError, MalformedResponse) as error:
                raise self._failure(call, error) from None

    def _request(self, params: dict[str, Any]) -> _Answer:
        try:
            response = self._client.chat.completions.create(**params)
        except json.JSONDecodeError as error:
            raise MalformedResponse(f"the HTTP body is not JSON ({error})") from None
        try:
            choice = response.choices[0]
            content, finish_reason = choice.message.content, choice.finish_reason
        except (AttributeError, IndexError, TypeError, KeyError):
            raise MalformedResponse("the response has no choices[0].message") from None
        usage = response.usage
        return _Answer(
            content=content if isinstance(content, str) else "",
            finish_reason=str(finish_reason),
            prompt_tokens=_count(getattr(usage, "prompt_tokens", None)),
            completion_tokens=_count(getattr(usage, "completion_tokens", None)),
        )

    def _params(self, call: LLMCall) -> dict[str, Any]:
        params: dict[str, Any] = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": call.system},
                {"role": "user", "content": call.user},
            ],
            "temperature": 0,
        }
        if call.json_mode:
            params["response_format"] = {"type": "json_object"}
        return {key: value for key, value in params.items() if key not in self._unsupported}

    def _failure(self, call: LLMCall, error: openai.APIError | MalformedResponse) -> LLMError:
        where = f"openai model {self.model!r} at {self._client.base_url}"
        if isinstance(error, openai.APITimeoutError):
            detail = f"timed out after {self._retry.attempts} attempt(s)"
        elif isinstance(error, openai.APIConnectionError):
            detail = f"could not be reached after {self._retry.attempts} attempt(s)"
        elif isinstance(error, openai.AuthenticationError):
            detail = "rejected the API key (401): check OPENAI_API_KEY"
        elif isinstance(error, openai.NotFoundError):
            detail = "answered 404: check the model name (CONTROLBOT_MODEL) and OPENAI_BASE_URL"
        elif isinstance(error, openai.APIStatusError):
            detail = f"failed: {error.message}"
        elif isinstance(error, MalformedResponse):
            detail = f"returned an unreadable response after {self._retry.attempts} attempt(s): {error}"
        else:
            detail = f"returned an unreadable response: {error.message}"
        return LLMError(_redact(f"{where} {detail} (step {call.step})", self._client.api_key))


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _rejected_param(error: openai.BadRequestError, params: dict[str, Any]) -> str | None:
    text = f"{error.param or ''} {error.message}"
    for name in _OPTIONAL_PARAMS:
        if name in params and name in text:
            return name
    return None


def _redact(message: str, secret: str) -> str:
    if secret and secret != _NO_KEY_PLACEHOLDER and len(secret) >= 4:
        return message.replace(secret, "***")
    return message
