"""AWS calls of a run: only what the operation policy allows, each distinct call made once, paginated, errors kept."""

from __future__ import annotations

import contextlib
import json
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError

from bot.knowledge.operation_policy import call_refusal, forced_parameters

PAGING_PARAMS = frozenset({"MaxResults", "MaxItems", "Limit", "MaxRecords", "PageSize", "MaxKeys"})
DEFAULT_MAX_PAGES = 1_000
_MESSAGE_CAP = 300

ClientFactory = Callable[[str, str], Any]  # (service, region) -> a botocore client


def session_clients(session: Any, config: Any = None) -> ClientFactory:
    """One client per (service, region), made under a lock (sessions are not thread-safe; clients are)."""
    clients: dict[tuple[str, str], Any] = {}
    lock = threading.Lock()

    def client(service: str, region: str) -> Any:
        with lock:
            if (service, region) not in clients:
                clients[(service, region)] = session.client(service, region_name=region, config=config)
            return clients[(service, region)]

    return client


class ApiError(Exception):
    """An API call that failed (after botocore's retries), or one the runner refused to make."""

    def __init__(self, service: str, operation: str, code: str, message: str) -> None:
        self.service, self.operation, self.code, self.message = service, operation, code, message
        super().__init__(f"{service}.{operation}: {code}: {message}")


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: bool = False
    response: dict[str, Any] | None = None
    error: tuple[str, str] | None = None


def _paging_params(client: Any, operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """The paging parameters the operation requires and the control did not give, at their largest."""
    shape = client.meta.service_model.operation_model(operation).input_shape
    if shape is None:
        return {}
    needed = [n for n in shape.required_members if n in PAGING_PARAMS and n not in params]
    return {n: int(shape.members[n].metadata.get("max", 100)) for n in needed}


class PageLimitError(Exception):
    """A listing that went on for more pages than the run allows."""


def _fetch(client: Any, operation: str, params: dict[str, Any], max_pages: int = DEFAULT_MAX_PAGES) -> dict[str, Any]:
    method = xform_name(operation)
    arguments = {**params, **_paging_params(client, operation, params)}
    if client.can_paginate(method):
        result = _all_pages(client.get_paginator(method).paginate(**arguments), max_pages)
    else:
        result = getattr(client, method)(**arguments)
    result.pop("ResponseMetadata", None)
    return dict(result)


def _all_pages(pages: Any, max_pages: int) -> dict[str, Any]:
    """build_full_result(), but an endpoint that keeps returning a next token is stopped at max_pages."""
    base = type(pages)

    class BoundedPages(base):  # type: ignore[valid-type,misc]
        # botocore's build_full_result() merges pages by iterating the PageIterator itself
        def __iter__(self) -> Any:
            for count, page in enumerate(base.__iter__(self), start=1):
                if count > max_pages:
                    raise PageLimitError(f"more than {max_pages:,} pages (raise --max-pages to read further)")
                yield page

    pages.__class__ = BoundedPages
    return dict(pages.build_full_result())


class ApiCache:
    """Every distinct call of a run is made once, even from many threads; failures are remembered too."""

    def __init__(self, clients: ClientFactory, max_pages: int = DEFAULT_MAX_PAGES, per_endpoint: int = 0) -> None:
        self._clients = clients
        self.max_pages = max_pages
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self.calls: Counter[str] = Counter()
        self._per_endpoint = per_endpoint  # calls in flight per (service, region); 0: unbounded
        self._endpoints: dict[tuple[str, str], threading.BoundedSemaphore] = {}

    def _endpoint(self, service: str, region: str) -> contextlib.AbstractContextManager[Any]:
        """A slot among the calls in flight to one service in one region (AWS throttles per endpoint)."""
        if not self._per_endpoint:
            return contextlib.nullcontext()
        with self._lock:
            slots = self._endpoints.setdefault((service, region), threading.BoundedSemaphore(self._per_endpoint))
        return slots

    def call(self, region: str, service: str, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        key = json.dumps([region, service, operation, params], sort_keys=True, default=str)
        with self._lock:
            entry = self._entries.setdefault(key, _Entry())
        with entry.lock:
            if not entry.done:
                self._invoke(entry, region, service, operation, params)
                entry.done = True
        if entry.error is not None:
            raise ApiError(service, operation, *entry.error)
        assert entry.response is not None
        return entry.response

    def _invoke(self, entry: _Entry, region: str, service: str, operation: str, params: dict[str, Any]) -> None:
        refused = call_refusal(service, operation, params)
        if refused is not None:
            entry.error = ("Refused", refused)
            return
        params = {**params, **forced_parameters(service, operation)}
        try:
            client = self._clients(service, region)
            if operation not in client.meta.service_model.operation_names:
                entry.error = ("UnknownOperation", f"{service} has no operation {operation}")
                return
            with self._lock:
                self.calls[f"{service}.{operation}"] += 1
            with self._endpoint(service, region):
                entry.response = _fetch(client, operation, params, self.max_pages)
        except ClientError as error:
            details = error.response.get("Error", {})
            entry.error = (str(details.get("Code", "ClientError")), _short(str(details.get("Message", error))))
        except BotoCoreError as error:
            entry.error = (type(error).__name__, _short(str(error)))
        except Exception as error:  # e.g. botocore's ResponseParserError on a proxy's non-AWS body
            entry.error = (type(error).__name__, _short(str(error)) or "no message")


def _short(message: str) -> str:
    """The first line of a message, capped: parser errors carry the whole response body."""
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first if len(first) <= _MESSAGE_CAP else first[: _MESSAGE_CAP - 1] + "…"
