"""The LLM step contract: calls, completions, the provider protocol, answer parsing, retries, the factory."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.inputs.errors import LLMError

if TYPE_CHECKING:
    pass

STEPS = ("analyse", "plan", "write", "repair")
RETRY_AFTER_CAP = 60.0
T = TypeVar("T")

_FENCE = re.compile(r"```[ \t]*([\w+-]*)[ \t]*\r?\n(.*?)^[ \t]*```", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class LLMCall:
    """One step's request to a model; `system` starts with the contract line naming the step."""

    step: str
    system: str
    user: str
    json_mode: bool
    context: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.step not in STEPS:
            raise ValueError(f"unknown LLM step {self.step!r}; allowed: {', '.join(STEPS)}")
        if not self.system.startswith(f"controlbot step: {self.step}\n"):
            contract = f"controlbot step: {self.step}"
            raise ValueError(f"system prompt for step {self.step!r} must start with the line {contract!r}")


@dataclass(frozen=True)
class Completion:
    """A model's answer (fences stripped), its token counts when the provider reports them, and wall time."""

    text: str
    prompt_tokens: int | None
    completion_tokens: int | None
    seconds: float


class LanguageModel(Protocol):
    """Anything that can answer an LLMCall: a real provider, the offline engine or a test double."""

    provider: str
    model: str

    def execute(self, call: LLMCall) -> Completion: ...


def strip_fence(text: str) -> str:
    """The content of the first fenced block (```json, ```gherkin, ```), else the stripped text."""
    match = _FENCE.search(text)
    if match:
        return match.group(2).strip()
    stripped = text.strip()
    if stripped.startswith("```"):
        # An answer cut off before its closing fence: drop the opening line only.
        first_newline = stripped.find("\n")
        return stripped[first_newline + 1 :].strip() if first_newline != -1 else ""
    return stripped


def parse_json_answer(text: str) -> dict[str, Any]:
    """The JSON object a model answered, tolerating a fence and prose around it."""
    body = strip_fence(text)
    try:
        value = json.loads(body)
    except json.JSONDecodeError:
        value = _first_object(body)
    if not isinstance(value, dict):
        raise LLMError(f"model answered malformed JSON: expected an object, got: {_excerpt(body)}")
    return value


def _first_object(text: str) -> Any:
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    raise LLMError(f"model answered malformed JSON: no JSON object found in: {_excerpt(text)}")


def _excerpt(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[:limit] + "…")


def retry_after_seconds(error: BaseException) -> float | None:
    """The Retry-After (seconds) an error carries: an attribute, or a header of its HTTP response."""
    explicit = getattr(error, "retry_after", None)
    if isinstance(explicit, int | float):
        return float(explicit)
    response = getattr(error, "response", None)
    headers: Any = None
    if isinstance(response, Mapping):  # botocore ClientError keeps the response as a dict
        headers = response.get("ResponseMetadata", {}).get("HTTPHeaders")
    elif response is not None:
        headers = getattr(response, "headers", None)
    if headers is None:
        return None
    value = headers.get("retry-after") or headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None  # an HTTP date: fall back to our own backoff


def with_retries(
    fn: Callable[[], T],
    *,
    attempts: int,
    is_retryable: Callable[[Exception], bool],
    base_delay: float = 0.5,
    max_delay: float = 8.0,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call fn up to `attempts` times, backing off (exponential, with jitter) between retryable failures."""
    for attempt in range(max(1, attempts)):
        try:
            return fn()
        except Exception as error:
            if attempt + 1 >= attempts or not is_retryable(error):
                raise
            sleep(_delay(error, attempt, base_delay, max_delay))
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class RetryPolicy:
    """How a provider retries: attempts in all, the first backoff, and how it waits (tests pass a no-op)."""

    attempts: int
    base_delay: float = 0.5
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def of(cls, max_retries: int, base_delay: float, sleep: Callable[[float], None]) -> RetryPolicy:
        return cls(max(0, max_retries) + 1, base_delay, sleep)

    def run(self, fn: Callable[[], T], is_retryable: Callable[[Exception], bool]) -> T:
        return with_retries(
            fn, attempts=self.attempts, is_retryable=is_retryable, base_delay=self.base_delay, sleep=self.sleep
        )


def _delay(error: Exception, attempt: int, base_delay: float, max_delay: float) -> float:
    hinted = retry_after_seconds(error)
    if hinted is not None and hinted >= 0:
        return min(hinted, RETRY_AFTER_CAP)
    backoff = min(max_delay, base_delay * 2.0**attempt)
    return backoff / 2 + random.uniform(0, backoff / 2)
