"""A scripted in-process LanguageModel for pipeline tests that need no HTTP."""

from __future__ import annotations

from collections import defaultdict, deque

from bot.generation.providers.model import STEPS, Completion, LLMCall, strip_fence


class MockModel:
    """Answers each step from its own FIFO queue and records every call it received."""

    provider = "mock"
    model = "mock-1"

    def __init__(self) -> None:
        self._queues: dict[str, deque[str]] = defaultdict(deque)
        self.history: list[LLMCall] = []

    def enqueue(self, step: str, text: str) -> None:
        if step not in STEPS:
            raise AssertionError(f"MockModel: unknown step {step!r}; allowed: {', '.join(STEPS)}")
        self._queues[step].append(text)

    def pending(self, step: str) -> int:
        return len(self._queues[step])

    def calls(self, step: str) -> list[LLMCall]:
        return [call for call in self.history if call.step == step]

    def execute(self, call: LLMCall) -> Completion:
        self.history.append(call)
        if not call.system.startswith(f"controlbot step: {call.step}\n"):
            raise AssertionError(f"MockModel: system prompt of step {call.step!r} breaks the step contract")
        if not self._queues[call.step]:
            queued = {step: len(queue) for step, queue in self._queues.items() if queue}
            raise AssertionError(
                f"MockModel: step {call.step!r} was called (call #{len(self.history)}) with nothing queued; "
                f"still queued: {queued or 'nothing'}"
            )
        text = self._queues[call.step].popleft()
        return Completion(
            text=strip_fence(text),
            prompt_tokens=len(call.system.split()) + len(call.user.split()),
            completion_tokens=len(text.split()),
            seconds=0.0,
        )
