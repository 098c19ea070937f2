"""A cache that builds each key's value once per process, even when threads ask for it at the same moment."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class OncePerKey(Generic[K, V]):
    """functools.cache lets two threads build the same value side by side; here the second waits for the first."""

    def __init__(self, build: Callable[[K], V]) -> None:
        self._build = build
        self._values: dict[K, V] = {}
        self._locks: dict[K, threading.Lock] = {}
        self._guard = threading.Lock()
        self.builds = 0  # how many values were built (benchmarks read it)
        functools.update_wrapper(self, build)

    def __call__(self, key: K) -> V:
        if key in self._values:
            return self._values[key]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._values:
                self._values[key] = self._build(key)
                self.builds += 1
        return self._values[key]

    def cache_clear(self) -> None:
        with self._guard:
            self._values.clear()
            self._locks.clear()
