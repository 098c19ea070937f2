"""Threads per AWS endpoint: each (service, region) a run calls gets its own bounded pool, so one endpoint's
round trips (or throttling) hold up only its own work, and services and regions are waited on side by side."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

MAX_THREADS = 64  # a run's threads, whatever the number of endpoints it calls


class EndpointPools:
    """`workers` threads per endpoint, up to `max_threads` in all; past that, endpoints share the pools."""

    def __init__(self, workers: int, max_threads: int | None = None) -> None:
        self._workers = max(1, workers)
        self._limit = max(1, (max_threads or MAX_THREADS) // self._workers)
        self._by_endpoint: dict[tuple[str, str], ThreadPoolExecutor] = {}
        self._pools: list[ThreadPoolExecutor] = []

    def for_endpoint(self, service: str, region: str) -> ThreadPoolExecutor:
        """The pool of one endpoint (called from the thread that submits the run's work)."""
        key = (service, region)
        if key not in self._by_endpoint:
            if len(self._pools) < self._limit:
                self._pools.append(ThreadPoolExecutor(max_workers=self._workers))
            self._by_endpoint[key] = self._pools[len(self._by_endpoint) % self._limit]
        return self._by_endpoint[key]

    def shutdown(self) -> None:
        for pool in self._pools:
            pool.shutdown(wait=False, cancel_futures=True)
