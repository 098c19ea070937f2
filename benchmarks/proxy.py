"""A local HTTP proxy in front of a moto server: counts requests per operation, can add latency to each, and can
replay recorded answers so that moto's own CPU time is out of a latency measurement. Run as a module it is its own
process (so it does not share the measured client's interpreter lock), driven over HTTP at /__proxy__."""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = tuple[int, list[tuple[str, str]], bytes]
CONTROL = "/__proxy__"
_SKIPPED_HEADERS = ("transfer-encoding", "connection", "content-length", "server", "date")


def _operation(headers: Any, path: str, body: bytes) -> str:
    """X-Amz-Target for JSON protocols, the form's Action for query protocols, else method and path."""
    target = headers.get("X-Amz-Target")
    if target:
        return str(target).rsplit(".", 1)[-1]
    action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action")
    return action[0] if action else path.split("?", 1)[0]


class Proxy:
    """Forwards to `upstream`; `delay_s` is added to every request; with `replay` on, an answer already seen for
    the same operation and body is served from memory instead of asking moto again."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.delay_s = 0.0
        self.replay = False
        self.calls: Counter[str] = Counter()
        self._answers: dict[tuple[str, str, bytes], Answer] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.request_queue_size = 256
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _forward(self, method: str, path: str, headers: Any, body: bytes) -> Answer:
        request = urllib.request.Request(self.upstream + path, data=body or None, method=method)
        for name, value in headers.items():
            if name.lower() not in ("host", "content-length", "connection"):
                request.add_header(name, value)
        try:
            with urllib.request.urlopen(request) as answer:
                return answer.status, answer.headers.items(), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.items(), error.read()

    def answer(self, method: str, path: str, headers: Any, body: bytes) -> Answer:
        operation = _operation(headers, path, body)
        scope = re.search(r"Credential=[^/]*/[^/]*/([^/]*)/", headers.get("Authorization") or "")
        key = (method, path, body + (scope[1].encode() if scope else b""))  # the same call in another region differs
        with self._lock:
            self.calls[operation] += 1
            recorded = self._answers.get(key) if self.replay else None
        time.sleep(self.delay_s)
        if recorded is not None:
            return recorded
        answer = self._forward(method, path, headers, body)
        with self._lock:
            self._answers[key] = answer
        return answer

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: the client reuses its connections, as with AWS
            disable_nagle_algorithm = True  # headers and body are two writes: Nagle plus delayed ACK add 40 ms

            def _serve(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith(CONTROL):
                    status, headers, payload = proxy.control(self.path)
                else:
                    status, headers, payload = proxy.answer(self.command, self.path, self.headers, body)
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in _SKIPPED_HEADERS:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _serve

            def log_message(self, *args: Any) -> None:
                return

        return Handler

    def control(self, path: str) -> Answer:
        """/__proxy__?delay_s=0.02&replay=1&reset=1 sets the proxy and answers the calls counted so far."""
        query = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).items()}
        with self._lock:
            self.delay_s = float(query.get("delay_s", self.delay_s))
            self.replay = query.get("replay", "1" if self.replay else "0") == "1"
            counted = dict(self.calls)
            if query.get("reset") == "1":
                self.calls.clear()
        return 200, [("Content-Type", "application/json")], json.dumps(counted).encode()

    def close(self) -> None:
        self._server.shutdown()


def set_proxy(url: str, **settings: object) -> Counter[str]:
    """Sets a proxy process (delay_s, replay, reset) and returns the calls it counted before."""
    query = urllib.parse.urlencode({k: (int(v) if isinstance(v, bool) else v) for k, v in settings.items()})
    with urllib.request.urlopen(f"{url}{CONTROL}?{query}") as answer:
        return Counter(json.loads(answer.read()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("upstream", help="the server to forward to, e.g. a moto server's http://127.0.0.1:PORT")
    proxy = Proxy(parser.parse_args().upstream)
    print(proxy.url, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
