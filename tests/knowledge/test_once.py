"""Each service's index is built once per process, however many threads ask for it first."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bot.knowledge.once import OncePerKey


def test_threads_asking_at_once_share_one_build_per_key() -> None:
    started = threading.Barrier(8)
    calls: list[str] = []

    def build(key: str) -> str:
        calls.append(key)
        time.sleep(0.05)  # long enough for every thread to arrive while the first builds
        return key.upper()

    cached = OncePerKey(build)

    def ask(key: str) -> str:
        started.wait()
        return cached(key)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(ask, ["ec2"] * 6 + ["s3"] * 2))
    assert results == ["EC2"] * 6 + ["S3"] * 2
    assert sorted(calls) == ["ec2", "s3"] and cached.builds == 2
    cached.cache_clear()
    assert cached("ec2") == "EC2" and cached.builds == 3
