"""A local OpenAI-compatible HTTP server with per-step scripted answers, faults and latency."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

STEP_PREFIX = "controlbot step: "


@dataclass(frozen=True)
class Fault:
    """A misbehaving answer: an HTTP error, a slow or garbled response.

    After `delay` seconds the server sends `body` raw (with `status`, default 200) if given; else an
    OpenAI-shaped error for `status` (with Retry-After when `retry_after` is set); else, for a bare
    delay, `content` as a normal answer when given, or a 504 as a gateway would.
    """

    status: int | None = None
    retry_after: float | None = None
    delay: float = 0.0
    body: str | None = None
    content: str | None = None
    message: str = ""
    code: str | None = None


Answer = str | Fault | Callable[[dict[str, Any]], "str | Fault"]


class FakeOpenAI:
    """`with FakeOpenAI() as server:` then point a client at `server.base_url`."""

    def __init__(self, *, api_key: str | None = None, known_models: set[str] | None = None) -> None:
        self.api_key = api_key  # when set, other bearer tokens get a 401
        self.known_models = known_models  # when set, other model names get a 404
        self.accept_json_mode = True
        self.latency = 0.0
        self._scripts: dict[str, deque[Answer]] = defaultdict(deque)
        self._defaults: dict[str, Answer] = {}
        self._requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def script(self, step: str, *answers: Answer) -> None:
        """Queue answers for a step, served in order."""
        with self._lock:
            self._scripts[step].extend(answers)

    def default(self, step: str, answer: Answer) -> None:
        """The answer for a step once its script is used up."""
        with self._lock:
            self._defaults[step] = answer

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Every chat request body received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def requests_for(self, step: str) -> list[dict[str, Any]]:
        return [body for body in self.requests if step_of(body) == step]

    def pending(self, step: str) -> int:
        """How many scripted answers for the step have not been served."""
        with self._lock:
            return len(self._scripts[step])

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAI is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeOpenAI:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a handler still sleeping in a delay fault must not block close
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _record(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._requests.append(body)

    def _next_answer(self, step: str) -> Answer | None:
        with self._lock:
            if self._scripts[step]:
                return self._scripts[step].popleft()
            return self._defaults.get(step)

    def _completion(self, body: dict[str, Any], content: str) -> dict[str, Any]:
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        completion_tokens = len(content.split())
        return {
            "id": f"chatcmpl-fake{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def step_of(body: dict[str, Any]) -> str | None:
    """The step named on the first line of the request's system message (the LLM step contract)."""
    for message in body.get("messages", []):
        if message.get("role") == "system":
            first_line = str(message.get("content", "")).split("\n", 1)[0]
            return first_line[len(STEP_PREFIX) :].strip() if first_line.startswith(STEP_PREFIX) else None
    return None


def error_body(message: str, kind: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else Nagle + delayed ACKs add ~40 ms to every answer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.rstrip("/") != "/v1/models":
            self._json(404, error_body(f"unknown path {self.path}", "invalid_request_error"))
            return
        names = sorted(self.fake.known_models or {"fake-model"})
        data = [{"id": name, "object": "model", "created": 0, "owned_by": "fake"} for name in names]
        self._json(200, {"object": "list", "data": data})

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, error_body(f"unknown path {self.path}", "invalid_request_error"))
            return
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            self._json(400, error_body("request body is not JSON", "invalid_request_error"))
            return
        self.fake._record(body)
        rejection = self._rejection(body)
        if rejection:
            self._json(*rejection)
            return
        if self.fake.latency:
            time.sleep(self.fake.latency)
        self._answer(body, step_of(body) or "")

    def _rejection(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        fake = self.fake
        if fake.api_key is not None and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            message = "Incorrect API key provided."
            return 401, error_body(message, "invalid_request_error", code="invalid_api_key")
        model = body.get("model")
        if fake.known_models is not None and model not in fake.known_models:
            message = f"The model `{model}` does not exist or you do not have access to it."
            return 404, error_body(message, "invalid_request_error", code="model_not_found")
        if "response_format" in body and not fake.accept_json_mode:
            message = "Invalid parameter: 'response_format' of type 'json_object' is not supported."
            return 400, error_body(message, "invalid_request_error", param="response_format")
        if step_of(body) is None:
            message = f"fake OpenAI: the system message must start with '{STEP_PREFIX}<step>'"
            return 400, error_body(message, "invalid_request_error", param="messages")
        return None

    def _answer(self, body: dict[str, Any], step: str) -> None:
        answer = self.fake._next_answer(step)
        if answer is None:
            message = f"fake OpenAI: nothing scripted for step {step!r}"
            self._json(400, error_body(message, "invalid_request_error"))
            return
        if callable(answer):
            answer = answer(body)
        if isinstance(answer, Fault):
            self._fault(body, answer)
        else:
            self._json(200, self.fake._completion(body, answer))

    def _fault(self, body: dict[str, Any], fault: Fault) -> None:
        if fault.delay:
            time.sleep(fault.delay)
        if fault.body is not None:
            self._send(fault.status or 200, fault.body.encode(), "application/json")
        elif fault.status is not None and fault.status >= 400:
            headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
            message = fault.message or f"fake OpenAI fault {fault.status}"
            kind = "server_error" if fault.status >= 500 else "fault"
            self._json(fault.status, error_body(message, kind, code=fault.code), headers)
        elif fault.content is not None:
            self._json(200, self.fake._completion(body, fault.content))
        else:
            self._json(504, error_body("fake gateway timeout", "server_error"))

    def _json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json", headers)

    def _send(self, status: int, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout ran out during a delay fault)
