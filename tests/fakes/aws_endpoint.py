"""A local HTTP endpoint standing in for an AWS service (or a proxy in front of one) that answers as scripted."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

Reply = tuple[int, str, bytes]  # (status, content type, body)
Responder = Callable[[str, dict[str, Any]], Reply]  # (operation or action, parsed JSON or form body) -> reply


def json_reply(document: Any, status: int = 200) -> Reply:
    return status, "application/x-amz-json-1.0", json.dumps(document).encode()


def text_reply(text: str, status: int) -> Reply:
    return status, "text/plain", text.encode()


class FakeAwsEndpoint:
    """Answers each request with `responder(operation, body)`; the operation is read from X-Amz-Target
    (JSON protocols, e.g. DynamoDB's "DynamoDB_20120810.ListTables") or the form's Action (query protocols)."""

    def __init__(self, responder: Responder) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                target = self.headers.get("X-Amz-Target", "")
                if target:
                    operation, body = target.split(".")[-1], json.loads(raw or "{}")
                else:
                    form = dict(pair.split("=", 1) for pair in raw.split("&") if "=" in pair)
                    operation, body = form.get("Action", ""), form
                outer.requests.append(operation)
                status, content_type, payload = responder(operation, body)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeAwsEndpoint:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
