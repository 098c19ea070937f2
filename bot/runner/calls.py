"""AWS calls of a run: only what the operation policy allows, each distinct call made once, paginated, errors kept."""

from __future__ import annotations

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

ClientFactory = Callable[[str, str], Any]  # (service, region) -> a botocore client


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


def _fetch(client: Any, operation: str, params: dict[str, Any]) -> dict[str, Any]:
    method = xform_name(operation)
    arguments = {**params, **_paging_params(client, operation, params)}
    if client.can_paginate(method):
        result = client.get_paginator(method).paginate(**arguments).build_full_result()
    else:
        result = getattr(client, method)(**arguments)
    result.pop("ResponseMetadata", None)
    return dict(result)


class ApiCache:
    """Every distinct call of a run is made once, even from many threads; failures are remembered too."""

    def __init__(self, clients: ClientFactory) -> None:
        self._clients = clients
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self.calls: Counter[str] = Counter()

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
            entry.response = _fetch(client, operation, params)
        except ClientError as error:
            details = error.response.get("Error", {})
            entry.error = (str(details.get("Code", "ClientError")), str(details.get("Message", error)))
        except BotoCoreError as error:
            entry.error = (type(error).__name__, str(error))
